using System.CommandLine;

namespace RewardAnalytics.Cli.Commands;

/// <summary>Every sub-command of <c>reward-analytics</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>
    /// The sub-commands, each bound to <paramref name="app"/>'s writers, environment and clock; every command that
    /// talks to AWS (all but those marked <see cref="CliApp.Standalone"/>) is given <c>--local</c>.
    /// </summary>
    public static IReadOnlyList<Command> Build(CliApp app)
    {
        Command[] commands =
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
        foreach (var command in commands.SelectMany(Runnable).Where(app.UsesAws))
        {
            command.Add(app.LocalOption);
        }

        return commands;
    }

    private static IEnumerable<Command> Runnable(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Runnable);
}
