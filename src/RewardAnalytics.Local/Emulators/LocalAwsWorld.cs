using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using RewardAnalytics.Aws;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Local.Emulators;

/// <summary>
/// The local world: dynalite (DynamoDB) and s3rver (S3) on free 127.0.0.1 ports, the rewards and aggregates tables
/// and the analytics bucket created, and the environment that points every command at them. Disposing stops both
/// emulators by process id; so does the process exiting (Ctrl-C included).
/// </summary>
public sealed class LocalAwsWorld : IAsyncDisposable
{
    /// <summary>The access key every client of the world uses (s3rver accepts only this key pair; dynalite accepts any).</summary>
    public const string AccessKey = "S3RVER"; // s3rver accepts only this key pair; dynalite accepts any
    /// <summary>The secret key paired with <see cref="AccessKey"/>.</summary>
    public const string SecretKey = "S3RVER";
    /// <summary>The region the world's clients are configured for.</summary>
    public const string Region = "us-east-1";

    private EmulatorProcess _dynalite;
    private EmulatorProcess _s3rver;
    private readonly string? _temporaryDirectory;
    private readonly DataDirectoryLock? _dataDirectoryLock;
    private int _disposed;

    private LocalAwsWorld(LocalAwsOptions options, EmulatorProcess dynalite, EmulatorProcess s3rver, string? temporaryDirectory, DataDirectoryLock? dataDirectoryLock)
    {
        _dataDirectoryLock = dataDirectoryLock;
        Options = options;
        _dynalite = dynalite;
        _s3rver = s3rver;
        _temporaryDirectory = temporaryDirectory;
        Environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Endpoint,
            ["AWS_ENDPOINT_URL_S3"] = s3rver.Endpoint,
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
            ["REWARDS_TABLE"] = options.RewardsTable,
            ["AGGREGATES_TABLE"] = options.AggregatesTable,
            ["ANALYTICS_BUCKET"] = options.Bucket,
        };
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The file in a data directory that records the world's own settings (<c>REPORT_TIME_ZONE=…</c>), one <c>KEY=VALUE</c> a line.</summary>
    public const string SettingsFileName = "world.env";

    /// <summary>The variable the world records its report time zone under (the service's own).</summary>
    public const string ReportTimeZoneVariable = "REPORT_TIME_ZONE";

    /// <summary>
    /// The report time zone the world's days were summed in, as recorded in its data directory (by the demo that made
    /// it, or the first <c>local serve</c> of it); null for a world in memory or one that recorded none.
    /// </summary>
    public string? RecordedReportTimeZone => ReadSettings().GetValueOrDefault(ReportTimeZoneVariable);

    /// <summary>
    /// Records <paramref name="zoneId"/> as the report time zone of the world's data directory, so that serving it later
    /// names the zone its days were summed in. Nothing to record for a world in memory (it ends with the process).
    /// </summary>
    public async Task RecordReportTimeZoneAsync(string zoneId, CancellationToken cancellationToken)
    {
        if (Options.DataDirectory is not { } data)
        {
            return;
        }

        var settings = ReadSettings();
        settings[ReportTimeZoneVariable] = zoneId;
        await File.WriteAllTextAsync(Path.Combine(data, SettingsFileName), string.Concat(settings.Select(kv => $"{kv.Key}={kv.Value}\n")), cancellationToken)
            .ConfigureAwait(false);
    }

    private Dictionary<string, string> ReadSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Options.DataDirectory is not { } data || !File.Exists(Path.Combine(data, SettingsFileName)))
        {
            return settings;
        }

        foreach (var line in File.ReadAllLines(Path.Combine(data, SettingsFileName)))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                settings[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return settings;
    }

    /// <summary>How the name of a world's temporary S3 directory (no <see cref="LocalAwsOptions.DataDirectory"/>) begins, under the system's temporary directory.</summary>
    public const string TemporaryDirectoryPrefix = "reward-analytics-s3-";

    /// <summary>The table and bucket names the world was created with.</summary>
    public LocalAwsOptions Options { get; }

    /// <summary>The variables a user exports to point every command at this world, in the order they are printed.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>dynalite's endpoint URL on 127.0.0.1.</summary>
    public string DynamoDbEndpoint => _dynalite.Endpoint;
    /// <summary>s3rver's endpoint URL on 127.0.0.1.</summary>
    public string S3Endpoint => _s3rver.Endpoint;
    /// <summary>The emulators' process ids (what <c>local serve</c> prints so they can be stopped).</summary>
    public IReadOnlyList<int> ProcessIds => [_dynalite.ProcessId, _s3rver.ProcessId];

    /// <summary>Looks up a variable of this world, falling back to nothing (not to the process environment).</summary>
    public string? Get(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>The environment lines, <c>KEY=VALUE</c> one a line.</summary>
    public string EnvironmentFile => string.Join('\n', Environment.Select(kv => $"{kv.Key}={kv.Value}")) + "\n";

    /// <summary>A DynamoDB client pointed at the world; <paramref name="maxErrorRetry"/> as in <see cref="AwsClients.CreateDynamoDb"/>.</summary>
    public IAmazonDynamoDB CreateDynamoDb(int maxErrorRetry = 5) => AwsClients.CreateDynamoDb(Get, maxErrorRetry);

    /// <summary>An S3 client pointed at the world.</summary>
    public IAmazonS3 CreateS3() => AwsClients.CreateS3(Get);

    /// <summary>Installs (npm ci) if needed, starts both emulators, waits until they answer, creates tables and bucket.</summary>
    public static async Task<LocalAwsWorld> StartAsync(LocalAwsOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalAwsOptions();
        var packages = EmulatorPackages.Locate();
        await EmulatorPackages.EnsureInstalledAsync(packages, options.Progress, cancellationToken).ConfigureAwait(false);

        // Everything acquired from here on is released if the start fails or is cancelled: nothing is left behind.
        DataDirectoryLock? held = null;
        string? temporary = null;
        EmulatorProcess? dynalite = null;
        EmulatorProcess? s3rver = null;
        try
        {
            string s3Directory;
            string? dynamoDirectory = null;
            if (options.DataDirectory is { } data)
            {
                held = DataDirectoryLock.Acquire(Path.GetFullPath(data));
                s3Directory = Path.GetFullPath(Path.Combine(data, "s3"));
                dynamoDirectory = Path.GetFullPath(Path.Combine(data, "dynamodb"));
                Directory.CreateDirectory(s3Directory);
                Directory.CreateDirectory(dynamoDirectory);
            }
            else
            {
                temporary = Directory.CreateTempSubdirectory(TemporaryDirectoryPrefix).FullName;
                s3Directory = temporary;
            }

            dynalite = EmulatorProcess.Start("dynalite", packages, EmulatorPackages.DynaliteCli(packages), port =>
            {
                var args = new List<string> { "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0" };
                if (dynamoDirectory is not null)
                {
                    args.AddRange(["--path", dynamoDirectory]);
                }

                return args;
            });
            s3rver = EmulatorProcess.Start("s3rver", packages, EmulatorPackages.S3rverCli(packages), port =>
                ["-d", s3Directory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent"]);
            held?.RecordEmulators([(dynalite.Name, dynalite.ProcessId), (s3rver.Name, s3rver.ProcessId)]);
            await Task.WhenAll(
                dynalite.WaitUntilListeningAsync(options.StartTimeout, cancellationToken),
                s3rver.WaitUntilListeningAsync(options.StartTimeout, cancellationToken)).ConfigureAwait(false);
        }
        catch
        {
            dynalite?.Dispose();
            s3rver?.Dispose();
            DeleteQuietly(temporary);
            held?.Dispose();
            throw;
        }

        var world = new LocalAwsWorld(options, dynalite, s3rver, temporary, held);
        try
        {
            await world.CreateResourcesAsync(cancellationToken).ConfigureAwait(false);
            return world;
        }
        catch
        {
            await world.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the tables and bucket unless they exist (a <c>--data</c> directory keeps them).</summary>
    public async Task CreateResourcesAsync(CancellationToken cancellationToken)
    {
        using var dynamo = CreateDynamoDb();
        await CreateTableAsync(dynamo, Options.RewardsTable, [("rewardId", KeyType.HASH)], cancellationToken).ConfigureAwait(false);
        await CreateAggregatesTableAsync(dynamo, Options.AggregatesTable, cancellationToken).ConfigureAwait(false);
        using var s3 = CreateS3();
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = Options.Bucket }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Kept from an earlier run with --data.
        }
    }

    /// <summary>Creates an aggregates-shaped table (the keys of <see cref="AggregatesKeySchema"/>, as deployed) and waits until it is active.</summary>
    public static Task CreateAggregatesTableAsync(IAmazonDynamoDB dynamo, string name, CancellationToken ct) =>
        CreateTableAsync(dynamo, name, [(AggregatesKeySchema.PartitionKey, KeyType.HASH), (AggregatesKeySchema.SortKey, KeyType.RANGE)], ct);

    /// <summary>Creates a table unless it exists and waits until it is active.</summary>
    public static async Task CreateTableAsync(IAmazonDynamoDB dynamo, string name, (string Name, KeyType Type)[] keys, CancellationToken ct)
    {
        try
        {
            await dynamo.CreateTableAsync(new CreateTableRequest
            {
                TableName = name,
                KeySchema = keys.Select(k => new KeySchemaElement(k.Name, k.Type)).ToList(),
                AttributeDefinitions = keys.Select(k => new AttributeDefinition(k.Name, ScalarAttributeType.S)).ToList(),
                BillingMode = BillingMode.PAY_PER_REQUEST,
            }, ct).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Kept from an earlier run with --data.
        }

        for (var attempt = 0; attempt < 200; attempt++)
        {
            var table = await dynamo.DescribeTableAsync(name, ct).ConfigureAwait(false);
            if (table.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(25, ct).ConfigureAwait(false);
        }

        throw new LocalAwsException($"Table {name} did not become ACTIVE on the local DynamoDB.");
    }

    /// <summary>
    /// Kills both emulators by process id and, after <paramref name="downtime"/>, starts them again on the same ports
    /// and data directory; returns once both answer. Clients keep working against the same endpoints. With a
    /// <see cref="LocalAwsOptions.DataDirectory"/> the data survives; without one DynamoDB comes back empty.
    /// </summary>
    public async Task RestartEmulatorsAsync(TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        _dynalite.Dispose();
        _s3rver.Dispose();
        await Task.Delay(downtime, cancellationToken).ConfigureAwait(false);
        _dynalite = _dynalite.Restart();
        _s3rver = _s3rver.Restart();
        _dataDirectoryLock?.RecordEmulators([(_dynalite.Name, _dynalite.ProcessId), (_s3rver.Name, _s3rver.ProcessId)]);
        await Task.WhenAll(
            _dynalite.WaitUntilListeningAsync(Options.StartTimeout, cancellationToken),
            _s3rver.WaitUntilListeningAsync(Options.StartTimeout, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Stops both emulators and deletes a temporary data directory; safe to call more than once.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Stop();
        }

        return ValueTask.CompletedTask;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        _dynalite.Dispose();
        _s3rver.Dispose();
        DeleteQuietly(_temporaryDirectory);
        _dataDirectoryLock?.Dispose();
    }

    private static void DeleteQuietly(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
