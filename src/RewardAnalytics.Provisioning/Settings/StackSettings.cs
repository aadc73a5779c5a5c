using RewardAnalytics.Core.Metrics;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Provisioning.Iam;

namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// Everything a stack can change, read from its Pulumi config and validated once (<see cref="FromConfig"/>): the
/// single source the Pulumi program declares its resources from. Defaults are the named constants below.
/// </summary>
public sealed record StackSettings
{
    /// <summary>Report time zone when none is configured.</summary>
    public const string DefaultReportTimeZone = "UTC";
    /// <summary>Report key prefix when none is configured (the finalizer's default).</summary>
    public const string DefaultReportPrefix = FinalizerSettings.DefaultReportPrefix;
    /// <summary>Days re-checked per finalizer run when none is configured (the finalizer's default).</summary>
    public const int DefaultRecheckDays = FinalizerSettings.DefaultRecheckDays;
    /// <summary>Function architecture when none is configured.</summary>
    public const string DefaultArchitecture = LambdaArchitecture.Arm64;
    /// <summary>Aggregator memory when none is configured.</summary>
    public const int DefaultAggregatorMemoryMb = 512;
    /// <summary>Aggregator timeout when none is configured.</summary>
    public const int DefaultAggregatorTimeoutSeconds = 60;
    /// <summary>Finalizer memory when none is configured.</summary>
    public const int DefaultFinalizerMemoryMb = 512;
    /// <summary>Finalizer timeout when none is configured.</summary>
    public const int DefaultFinalizerTimeoutSeconds = 300;
    /// <summary>The totals API function URL's auth type: SigV4-signed requests only (callers need <c>lambda:InvokeFunctionUrl</c> and <c>lambda:InvokeFunction</c>).</summary>
    public const string TotalsApiAuthIam = "AWS_IAM";
    /// <summary>The auth type that would let anyone holding the URL read the totals; refused.</summary>
    public const string TotalsApiAuthNone = "NONE";
    /// <summary>The totals API's memory (it reads at most 366 days of small items).</summary>
    public const int TotalsApiMemoryMb = 512;
    /// <summary>The totals API's timeout in seconds (a 366-day range is 366 queries, eight at a time).</summary>
    public const int TotalsApiTimeoutSeconds = 30;
    /// <summary>Log retention when none is configured.</summary>
    public const int DefaultLogRetentionDays = 30;
    /// <summary>Failed batch retention when none is configured.</summary>
    public const int DefaultFailedBatchRetentionDays = 30;
    /// <summary>The finalizer's metrics namespace when none is configured: the one the old job's metrics are in too.</summary>
    public const string DefaultMetricsNamespace = EmfWriter.Namespace;
    /// <summary>The namespace the cutover guide sets for the parallel run, where the old job's metrics cannot be doubled.</summary>
    public const string ShadowMetricsNamespace = EmfWriter.Namespace + "/Shadow";
    /// <summary>The stack name that turns deletion protection on by default.</summary>
    public const string ProductionStack = "prod";

    /// <summary>The retention periods CloudWatch Logs accepts.</summary>
    public static readonly IReadOnlyList<int> AllowedLogRetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>The physical names of the stack's resources.</summary>
    public required ResourceNames Names { get; init; }

    /// <summary>The platform's rewards table (looked up by name), or the one a dev stack creates.</summary>
    public required string RewardsTableName { get; init; }

    /// <summary>When true the stack creates its own rewards table (dev); otherwise it looks the existing one up.</summary>
    public bool CreateRewardsTable { get; init; }

    /// <summary>The TTL attribute of a created rewards table; null leaves TTL off.</summary>
    public string? RewardsTableTtlAttribute { get; init; }

    /// <summary>The aggregates table's name.</summary>
    public required string AggregatesTableName { get; init; }

    /// <summary>The analytics bucket's name; null lets Pulumi generate a unique one.</summary>
    public string? AnalyticsBucketName { get; init; }

    /// <summary>
    /// When true the stack takes over the existing bucket <see cref="AnalyticsBucketName"/> (the old job's, with its
    /// reports) instead of creating one: see <see cref="AnalyticsBucketPlan"/>.
    /// </summary>
    public bool AdoptAnalyticsBucket { get; init; }

    /// <summary>Deletion protection and Pulumi <c>protect</c> on the data (aggregates table, bucket); on by default in prod.</summary>
    public bool DeletionProtection { get; init; }

    /// <summary>The report time zone (IANA id) whose calendar days are totalled and finalized.</summary>
    public string ReportTimeZone { get; init; } = DefaultReportTimeZone;
    /// <summary>The key prefix of the daily reports in the analytics bucket.</summary>
    public string ReportPrefix { get; init; } = DefaultReportPrefix;
    /// <summary>How many days before yesterday each finalizer run re-checks.</summary>
    public int RecheckDays { get; init; } = DefaultRecheckDays;
    /// <summary>The attribute names the platform's reward items use.</summary>
    public RewardImageSchema Schema { get; init; } = RewardImageSchema.Default;

    /// <summary>The value of the metrics' <c>Environment</c> dimension (default: the stack name).</summary>
    public required string MetricsEnvironment { get; init; }

    /// <summary><see cref="LambdaArchitecture.Arm64"/> or <see cref="LambdaArchitecture.X8664"/>.</summary>
    public string Architecture { get; init; } = DefaultArchitecture;
    /// <summary>The aggregator's memory in MB.</summary>
    public int AggregatorMemoryMb { get; init; } = DefaultAggregatorMemoryMb;
    /// <summary>The aggregator's timeout in seconds.</summary>
    public int AggregatorTimeoutSeconds { get; init; } = DefaultAggregatorTimeoutSeconds;
    /// <summary>The finalizer's memory in MB.</summary>
    public int FinalizerMemoryMb { get; init; } = DefaultFinalizerMemoryMb;
    /// <summary>The finalizer's timeout in seconds.</summary>
    public int FinalizerTimeoutSeconds { get; init; } = DefaultFinalizerTimeoutSeconds;
    /// <summary>The totals API function URL's auth type: always <see cref="TotalsApiAuthIam"/> (validated).</summary>
    public string TotalsApiAuthType { get; init; } = TotalsApiAuthIam;
    /// <summary>How long the functions' log groups keep their logs.</summary>
    public int LogRetentionDays { get; init; } = DefaultLogRetentionDays;

    /// <summary>How long failed batches are kept in the failure bucket.</summary>
    public int FailedBatchRetentionDays { get; init; } = DefaultFailedBatchRetentionDays;

    /// <summary>
    /// The CloudWatch namespace of the finalizer's daily metrics (<c>METRICS_NAMESPACE</c>) and of the dashboard's daily
    /// widgets. <see cref="ShadowMetricsNamespace"/> during the parallel run with the old job, which publishes the same
    /// metric names in <see cref="DefaultMetricsNamespace"/>.
    /// </summary>
    public string MetricsNamespace { get; init; } = DefaultMetricsNamespace;

    /// <summary>
    /// The statements an adopted analytics bucket's policy already has, kept beside the TLS-only deny (required when
    /// adopting; <see cref="ExistingBucketPolicy.None"/> for a created bucket).
    /// </summary>
    internal ExistingBucketPolicy AnalyticsBucketPolicyStatements { get; init; } = ExistingBucketPolicy.None;

    /// <summary>The principals (account ids, role or user ARNs) the totals API's resource policy lets call its function URL.</summary>
    public IReadOnlyList<string> TotalsApiInvokers { get; init; } = [];

    /// <summary>The rewards-stream event source mapping's parameters.</summary>
    public required EventSourceMappingParameters Mapping { get; init; }
    /// <summary>The finalizer's schedule.</summary>
    public required ScheduleParameters Schedule { get; init; }

    /// <summary>Lambda's retries of a failing finalizer run and where it keeps a run it gave up on.</summary>
    public required FinalizerInvokeParameters FinalizerInvoke { get; init; }
    /// <summary>The alarms' thresholds and recipients.</summary>
    public required AlarmSettings Alarms { get; init; }

    /// <summary>Reads and validates a stack's config; throws one exception naming every bad key.</summary>
    public static StackSettings FromConfig(string project, string stack, Func<string, string?> get)
    {
        var config = new StackConfigReader(project, get);
        var names = ResourceNames.Create(project, stack, config);

        var create = config.Boolean(ConfigKeys.CreateRewardsTable, false);
        var rewardsTable = config.TableName(ConfigKeys.RewardsTableName);
        if (rewardsTable is null && !create)
        {
            config.Problem(ConfigKeys.RewardsTableName,
                "is not set: expected the name of the platform's rewards table (its stream must be enabled with NEW_AND_OLD_IMAGES), " +
                $"or set {config.Qualified(ConfigKeys.CreateRewardsTable)} to true to create one (dev stacks)");
        }

        if (create && stack == ProductionStack)
        {
            config.Problem(ConfigKeys.CreateRewardsTable, "is true on the prod stack: prod reads the platform's existing rewards table");
        }

        var ttl = config.Raw(ConfigKeys.RewardsTableTtlAttribute);
        if (ttl is not null && !create)
        {
            config.Problem(ConfigKeys.RewardsTableTtlAttribute,
                $"is set but {config.Qualified(ConfigKeys.CreateRewardsTable)} is not true: TTL is configured only on a table this stack creates");
        }

        var prefix = config.Text(ConfigKeys.ReportPrefix, DefaultReportPrefix);
        if (!prefix.EndsWith('/') || prefix.StartsWith('/') || prefix.Contains('*', StringComparison.Ordinal))
        {
            config.Problem(ConfigKeys.ReportPrefix, $"is '{prefix}': expected a key prefix ending in '/', without a leading '/' or '*', such as 'daily-rewards/'");
        }

        var bucketName = config.BucketName(ConfigKeys.AnalyticsBucketName);
        var adopt = config.Boolean(ConfigKeys.AdoptAnalyticsBucket, false);
        if (adopt && bucketName is null)
        {
            config.Problem(ConfigKeys.AdoptAnalyticsBucket, AnalyticsBucketPlan.UnnamedBucketProblem(config.Qualified(ConfigKeys.AnalyticsBucketName)));
        }

        var timeZone = config.TimeZone(ConfigKeys.ReportTimeZone, DefaultReportTimeZone);
        var retention = config.Integer(ConfigKeys.LogRetentionDays, DefaultLogRetentionDays, 1, 3653);
        if (!AllowedLogRetentionDays.Contains(retention))
        {
            config.Problem(ConfigKeys.LogRetentionDays,
                $"is '{retention}': expected one of the periods CloudWatch Logs accepts ({string.Join(", ", AllowedLogRetentionDays)})");
        }

        var authType = config.Text(ConfigKeys.TotalsApiAuthType, TotalsApiAuthIam);
        if (authType == TotalsApiAuthNone)
        {
            config.Problem(ConfigKeys.TotalsApiAuthType,
                $"is '{TotalsApiAuthNone}': expected '{TotalsApiAuthIam}' (a function URL with auth type NONE would publish the running totals to anyone who has the URL)");
        }
        else if (authType != TotalsApiAuthIam)
        {
            config.Problem(ConfigKeys.TotalsApiAuthType, $"is '{authType}': expected '{TotalsApiAuthIam}' (SigV4-signed requests; callers need lambda:InvokeFunctionUrl and lambda:InvokeFunction)");
        }

        var bucketPolicy = ReadAnalyticsBucketPolicy(config, adopt, bucketName is not null);
        var invokers = FunctionUrlInvokers.Parse(config.Raw(ConfigKeys.TotalsApiInvokers), out var invokersProblem);
        if (invokersProblem is not null)
        {
            config.Problem(ConfigKeys.TotalsApiInvokers, invokersProblem);
        }

        var settings = new StackSettings
        {
            Names = names,
            RewardsTableName = rewardsTable ?? names.CreatedRewardsTable,
            CreateRewardsTable = create,
            RewardsTableTtlAttribute = ttl,
            AggregatesTableName = config.TableName(ConfigKeys.AggregatesTableName) ?? names.AggregatesTable,
            AnalyticsBucketName = bucketName,
            AdoptAnalyticsBucket = adopt,
            DeletionProtection = config.Boolean(ConfigKeys.DeletionProtection, stack == ProductionStack),
            ReportTimeZone = timeZone,
            ReportPrefix = prefix,
            RecheckDays = config.Integer(ConfigKeys.RecheckDays, DefaultRecheckDays, 0, FinalizerSettings.MaxRecheckDays),
            Schema = new RewardImageSchema(
                config.AttributeName(ConfigKeys.RewardTypeAttribute, RewardImageSchema.DefaultTypeAttribute),
                config.AttributeName(ConfigKeys.RewardAmountAttribute, RewardImageSchema.DefaultAmountAttribute),
                config.AttributeName(ConfigKeys.RewardCreatedAtAttribute, RewardImageSchema.DefaultCreatedAtAttribute)),
            MetricsEnvironment = config.Text(ConfigKeys.MetricsEnvironment, stack),
            Architecture = config.OneOf(ConfigKeys.Architecture, DefaultArchitecture, LambdaArchitecture.Arm64, LambdaArchitecture.X8664),
            AggregatorMemoryMb = config.Integer(ConfigKeys.AggregatorMemoryMb, DefaultAggregatorMemoryMb, 128, 10240),
            AggregatorTimeoutSeconds = config.Integer(ConfigKeys.AggregatorTimeoutSeconds, DefaultAggregatorTimeoutSeconds, 1, 900),
            FinalizerMemoryMb = config.Integer(ConfigKeys.FinalizerMemoryMb, DefaultFinalizerMemoryMb, 128, 10240),
            FinalizerTimeoutSeconds = config.Integer(ConfigKeys.FinalizerTimeoutSeconds, DefaultFinalizerTimeoutSeconds, 1, 900),
            TotalsApiAuthType = TotalsApiAuthIam,
            LogRetentionDays = retention,
            FailedBatchRetentionDays = config.Integer(ConfigKeys.FailedBatchRetentionDays, DefaultFailedBatchRetentionDays, 1, 3650),
            Mapping = EventSourceMappingParameters.FromConfig(config),
            Schedule = ScheduleParameters.FromConfig(config, timeZone),
            FinalizerInvoke = FinalizerInvokeParameters.FromConfig(config),
            Alarms = AlarmSettings.FromConfig(config),
            MetricsNamespace = config.MetricsNamespace(ConfigKeys.MetricsNamespace, DefaultMetricsNamespace),
            AnalyticsBucketPolicyStatements = bucketPolicy,
            TotalsApiInvokers = invokers ?? [],
        };
        config.ThrowIfInvalid();
        return settings;
    }

    /// <summary>
    /// The adopted bucket's existing statements: required when adopting (its policy is replaced by the merged one, so an
    /// omission would cut off its readers), refused otherwise (a created bucket has no earlier policy to keep).
    /// </summary>
    private static ExistingBucketPolicy ReadAnalyticsBucketPolicy(StackConfigReader config, bool adopt, bool named)
    {
        var raw = config.Raw(ConfigKeys.AnalyticsBucketPolicyStatements);
        if (raw is null)
        {
            if (adopt && named)
            {
                config.Problem(ConfigKeys.AnalyticsBucketPolicyStatements,
                    $"is not set but {config.Qualified(ConfigKeys.AdoptAnalyticsBucket)} is true: the stack writes the adopted bucket's whole policy, " +
                    "so expected the statements it has now (the output of `aws s3api get-bucket-policy --bucket <name> --query Policy --output text`), " +
                    $"or {ExistingBucketPolicy.NoStatements} when that command answers NoSuchBucketPolicy");
            }

            return ExistingBucketPolicy.None;
        }

        if (!adopt)
        {
            config.Problem(ConfigKeys.AnalyticsBucketPolicyStatements,
                $"is set but {config.Qualified(ConfigKeys.AdoptAnalyticsBucket)} is not true: only an adopted bucket has statements to keep");
            return ExistingBucketPolicy.None;
        }

        var parsed = ExistingBucketPolicy.Parse(raw, out var problem);
        if (problem is not null)
        {
            config.Problem(ConfigKeys.AnalyticsBucketPolicyStatements, problem);
        }

        return parsed ?? ExistingBucketPolicy.None;
    }
}
