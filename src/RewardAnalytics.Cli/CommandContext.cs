using RewardAnalytics.Aws;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Local.Emulators;

namespace RewardAnalytics.Cli;

/// <summary>
/// What a command runs against: the environment printed by <c>local serve</c> (or real AWS), or, with
/// <c>--local</c>, a private local world started for this one command and stopped when it ends.
/// </summary>
internal sealed class CommandContext : IAsyncDisposable
{
    private readonly Func<string, string?> _environment;
    private readonly LocalAwsWorld? _world;

    private CommandContext(Func<string, string?> environment, LocalAwsWorld? world, TextWriter output, TextWriter error, TimeProvider clock)
    {
        _environment = environment;
        _world = world;
        Output = output;
        Error = error;
        Clock = clock;
    }

    /// <summary>The clock every command reads "now" from (the CLI's, injected).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Where the command prints its result.</summary>
    public TextWriter Output { get; }
    /// <summary>Where the command prints problems and progress.</summary>
    public TextWriter Error { get; }
    /// <summary>The private local world started for <c>--local</c>; null when running against the environment's endpoints.</summary>
    public LocalAwsWorld? World => _world;

    /// <summary>A variable: the private world's value first, then the process environment.</summary>
    public string? Get(string name) => _world?.Get(name) ?? _environment(name);

    /// <summary>The service's settings as read from <see cref="Get"/> (private world first, then the process environment).</summary>
    public EnvironmentReader Environment => new(Get);

    /// <summary>The value of variable <paramref name="name"/>; <paramref name="what"/> says what it should hold when it is missing.</summary>
    /// <exception cref="UsageException">The variable is not set.</exception>
    public string Require(string name, string what) =>
        Get(name) is { Length: > 0 } value ? value : throw new UsageException($"{name} is not set: expected {what} (export the lines 'reward-analytics local serve' prints, or pass --local)");

    /// <summary>
    /// Validates the service's variables as the functions do at their cold start, so that every command that talks to
    /// AWS refuses the same bad settings with the same message. Whether a variable is required is each command's own
    /// business (<see cref="Require"/>), so a missing table or bucket name is not a problem here.
    /// </summary>
    /// <exception cref="SettingsException">A variable that is set is malformed; the message names every one.</exception>
    public void ValidateServiceSettings()
    {
        string? WithNamesPresent(string name) =>
            !string.IsNullOrWhiteSpace(Get(name)) ? Get(name)
            : name == AggregatorSettings.AggregatesTableVariable ? "unset-table"
            : name == FinalizerSettings.AnalyticsBucketVariable ? "unset-bucket"
            : null;

        // Each reader stops at its own problems: collect them all (a variable both read, such as REPORT_TIME_ZONE, once).
        var problems = new List<string>();
        void Collect(Action read)
        {
            try
            {
                read();
            }
            catch (SettingsException ex)
            {
                problems.AddRange(ex.Problems.Where(p => !problems.Contains(p, StringComparer.Ordinal)));
            }
        }

        Collect(() => AwsEndpoints.Check(new EnvironmentReader(Get)).ThrowIfInvalid());
        Collect(() => AggregatorSettings.FromEnvironment(new EnvironmentReader(WithNamesPresent)));
        Collect(() => FinalizerSettings.FromEnvironment(new EnvironmentReader(WithNamesPresent)));
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }
    }

    /// <summary>The context a command runs in; with <paramref name="local"/>, starts a private local world first.</summary>
    public static async Task<CommandContext> CreateAsync(
        bool local, Func<string, string?> environment, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!local)
        {
            return new CommandContext(environment, null, output, error, clock);
        }

        var world = await LocalAwsWorld.StartAsync(new LocalAwsOptions { Progress = error.WriteLine }, cancellationToken).ConfigureAwait(false);
        return new CommandContext(environment, world, output, error, clock);
    }

    /// <summary>Stops the private local world, if one was started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync().ConfigureAwait(false);
        }
    }
}
