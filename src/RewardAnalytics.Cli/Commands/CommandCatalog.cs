using System.CommandLine;

namespace RewardAnalytics.Cli.Commands;

/// <summary>Every sub-command of <c>reward-analytics</c>, in the order <c>--help</c> lists them.</summary>
public static class CommandCatalog
{
    /// <summary>The sub-commands, each bound to <paramref name="app"/>'s writers, environment and clock.</summary>
    public static IEnumerable<Command> Build(CliApp app) =>
    [
        InvokeCommand.Create(app),
        TotalsCommand.Create(app),
        FinalizeCommand.Create(app),
        ReportCommand.Create(app),
        ReconcileCommand.Create(app),
        BackfillCommand.Create(app),
        ParityCommand.Create(app),
        DemoCommand.Create(app),
        GenerateCommand.Create(app),
        LocalCommand.Create(app),
    ];
}
