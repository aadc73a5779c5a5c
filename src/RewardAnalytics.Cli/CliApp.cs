using System.CommandLine;
using Amazon.Runtime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Operations;
using RewardAnalytics.Cli.Commands;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Emulators;

namespace RewardAnalytics.Cli;

/// <summary>The <c>reward-analytics</c> command: one root, a sub-command per operator task.</summary>
public sealed class CliApp
{
    /// <summary>The command's name as users type it (hints name commands by their full path under it).</summary>
    public const string Name = "reward-analytics";

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _clock;
    private readonly HashSet<Command> _standalone = [];

    /// <summary>The command on an output, an error writer, an environment and a clock.</summary>
    public CliApp(TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider clock)
    {
        _output = output;
        _error = error;
        _environment = environment;
        _clock = clock;
    }

    /// <summary>
    /// What runs between the repair workflows' steps (<c>reconcile</c>, <c>backfill</c>): nothing in a real run; tests
    /// apply stream records there.
    /// </summary>
    internal IRepairSteps RepairSteps { get; init; } = Aws.Operations.RepairSteps.None;

    /// <summary>
    /// <c>--local</c>: starts a private local world (dynalite + s3rver) for this one command. Offered on every command
    /// that talks to AWS, and only there (see <see cref="Standalone"/>).
    /// </summary>
    public Option<bool> LocalOption { get; } = new("--local")
    {
        Description = "Run against a private local world (dynalite + s3rver on 127.0.0.1) started for this command and stopped after it.",
    };

    /// <summary>
    /// Marks <paramref name="command"/> as one that does not talk to the environment's AWS (it starts its own local world
    /// or none): it gets no <c>--local</c> and its run does not validate the service's settings.
    /// </summary>
    public Command Standalone(Command command)
    {
        _standalone.Add(command);
        return command;
    }

    /// <summary>Whether <paramref name="command"/> talks to AWS through the environment (every command not marked <see cref="Standalone"/>).</summary>
    public bool UsesAws(Command command) => !_standalone.Contains(command);

    /// <summary>Parses <paramref name="args"/> and runs the chosen sub-command; returns one of <see cref="ExitCodes"/>.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand(
            "Reward Analytics: near-real-time per-day reward totals from a DynamoDB stream, finalized daily into S3 reports and CloudWatch metrics.\n" +
            "Every command reads the standard AWS environment (AWS_REGION, credentials, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3) " +
            "and the service's variables (AGGREGATES_TABLE, ANALYTICS_BUCKET, REWARDS_TABLE, REPORT_TIME_ZONE); those that talk to AWS take --local.");
        foreach (var command in CommandCatalog.Build(this))
        {
            root.Add(command);
        }

        if (args.Length == 0)
        {
            // No command: show what there is to run (a usage error all the same, for scripts).
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error, ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await _error.WriteLineAsync($"error: {ParseErrors.Describe(parse)} (see '{ParseErrors.PathOf(parse.CommandResult)} --help')").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // ProcessTerminationTimeout null: Program.cs owns SIGINT/SIGTERM. System.CommandLine's own handler cancels a
        // source it disposes when the invocation ends, so a signal then crashed the process (exit 134).
        return await parse.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Runs a command body with its context, turning every expected failure into one line and an exit code.</summary>
    internal async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            var usesAws = UsesAws(parse.CommandResult.Command);
            await using var context = await CommandContext.CreateAsync(usesAws && parse.GetValue(LocalOption), _environment, _output, _error, _clock, cancellationToken)
                .ConfigureAwait(false);
            if (usesAws)
            {
                context.ValidateServiceSettings();
            }

            return await body(context).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            return Fail(ex.Message, ExitCodes.Usage);
        }
        catch (SettingsException ex)
        {
            return Fail(ex.Message, ExitCodes.Usage);
        }
        catch (StreamEventFormatException ex)
        {
            // The --event file is the invoker's input: a usage error, as for invoke finalize and invoke totals-api.
            return Fail($"the event was refused: {ex.Message}", ExitCodes.Usage);
        }
        catch (UnreadableDayException ex)
        {
            return Fail(ex.Message, ExitCodes.Failed);
        }
        catch (LocalAwsException ex)
        {
            return Fail($"the local emulators could not start: {ex.Message}", ExitCodes.Failed);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // No credentials or no region: the environment is wrong (exit 2), as for a missing table name.
            return AwsErrors.MissingSetting(ex) is { } missing
                ? Fail($"{missing}; or pass --local for a private local world", ExitCodes.Usage)
                : Fail($"AWS request failed: {AwsErrors.Describe(ex, _environment)}", ExitCodes.Failed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail("cancelled", ExitCodes.Failed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Fail(FileErrors.Describe(ex), ExitCodes.Failed);
        }
    }

    private int Fail(string message, int code)
    {
        _error.WriteLine($"error: {message}");
        return code;
    }
}
