using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using RewardAnalytics.Cli.Commands;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.Tests.Documentation;

/// <summary>README.md is the front door: short, the two first-run commands first, every command listed, the demo output true.</summary>
public sealed class ReadmeTests
{
    private const int MaxReadmeCharacters = 10_000;

    private static readonly MarkdownFile Readme = MarkdownFile.Read(RepositoryRoot.Combine("README.md"));

    [Fact]
    public void The_README_is_under_ten_thousand_characters()
    {
        // Counted as UTF-8 bytes too: the box-drawing and check-mark characters of the demo block take three each.
        var bytes = System.Text.Encoding.UTF8.GetByteCount(Readme.Text);
        Assert.True(Readme.Text.Length < MaxReadmeCharacters && bytes < MaxReadmeCharacters,
            $"README.md has {Readme.Text.Length} characters, {bytes} bytes; the depth belongs in docs/ (the limit is {MaxReadmeCharacters})");
    }

    [Fact]
    public void The_first_code_block_of_the_README_is_exactly_the_demo_and_the_test_command()
    {
        var (_, lines) = Readme.CodeBlocks()[0];

        Assert.Equal(
            "dotnet run --project src/RewardAnalytics.Cli -- demo\ndotnet test RewardAnalytics.sln",
            string.Join('\n', lines));
    }

    [Fact]
    public void The_README_command_list_names_every_command_of_the_CLI_once_in_the_order_help_lists_them()
    {
        Assert.Equal(
            CommandTree().Select(c => c.Path).ToArray(),
            ReadmeCommandLines().Select(l => l.Path).ToArray());
    }

    [Fact]
    public void Each_command_line_of_the_README_shows_every_option_of_its_command()
    {
        var lines = ReadmeCommandLines().ToDictionary(l => l.Path, l => l.Line);
        var missing = CommandTree()
            .Where(c => lines.ContainsKey(c.Path))
            .SelectMany(c => c.Command.Options
                .Where(o => o is not HelpOption and not VersionOption && !o.Recursive && o.Name != "--local")
                .Where(o => !Regex.IsMatch(lines[c.Path], $@"(?<![\w-]){Regex.Escape(o.Name)}(?![\w-])"))
                .Select(o => $"{c.Path} {o.Name}"))
            .ToList();

        Assert.True(missing.Count == 0, $"README's command list lacks these options: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_README_says_which_commands_take_local_and_every_command_that_does_is_one_that_talks_to_AWS()
    {
        Assert.Contains("Every command that talks to AWS reads", Readme.Text, StringComparison.Ordinal);
        Assert.Contains("takes `--local`", Readme.Text, StringComparison.Ordinal);
        var app = new CliApp(TextWriter.Null, TextWriter.Null, _ => null, TimeProvider.System);
        var withLocal = CommandCatalog.Build(app).SelectMany(c => Walk(c, c.Name)).Where(c => c.Command.Options.Any(o => o.Name == "--local")).Select(c => c.Path);
        Assert.Equal(["invoke aggregate", "invoke finalize", "invoke totals-api", "totals", "finalize", "report", "reconcile"], withLocal.Take(7));
        Assert.DoesNotContain(withLocal, p => p is "demo" or "generate" or "local serve");
    }

    [Fact]
    public void The_README_is_honest_about_the_first_run_and_quotes_the_line_printed_while_npm_ci_runs()
    {
        Assert.DoesNotContain("about 30 s on a 2-core machine at a low load average, build included", Readme.Text, StringComparison.Ordinal);
        Assert.Contains("the first run takes a few minutes", Readme.Text, StringComparison.Ordinal);
        var printed = RewardAnalytics.Local.Emulators.EmulatorPackages.InstallingMessage(RepositoryRoot.Combine("tools", "local-aws"), RepositoryRoot.FullPath);
        Assert.Equal("installing the local emulators (npm ci in tools/local-aws, first run only; a minute or two) …", printed);
        Assert.Contains($"prints on stderr\n`{printed}`", Readme.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_README_says_where_the_figures_of_dotnet_test_are_and_the_build_puts_them_there()
    {
        Assert.Contains("`[figures] …` lines in the results: `grep -ho '\\[figures\\][^<&]*' TestResults/*.trx`", Readme.Text, StringComparison.Ordinal);
        var props = File.ReadAllText(RepositoryRoot.Combine("Directory.Build.props"));
        Assert.Contains("<VSTestLogger>trx", props, StringComparison.Ordinal);
        Assert.Contains("<VSTestResultsDirectory>$(MSBuildThisFileDirectory)TestResults</VSTestResultsDirectory>", props, StringComparison.Ordinal);
        Assert.Equal("[figures]", Figures.Prefix);
    }

    [Fact]
    public void The_README_says_how_to_get_a_reward_analytics_command_and_the_project_builds_one_of_that_name()
    {
        Assert.Contains("`dotnet publish src/RewardAnalytics.Cli -o ~/.reward-analytics` and add that directory to `PATH`", Readme.Text, StringComparison.Ordinal);
        Assert.Contains("<AssemblyName>reward-analytics</AssemblyName>", File.ReadAllText(RepositoryRoot.Combine("src", "RewardAnalytics.Cli", "RewardAnalytics.Cli.csproj")), StringComparison.Ordinal);
    }

    /// <summary>The workflow itself runs in <c>LocalServeCommandTests</c> (RewardAnalytics.Cli.IntegrationTests); here, README shows it on one directory.</summary>
    [Fact]
    public void The_README_shows_a_demo_world_kept_with_data_then_served_with_the_same_data()
    {
        var block = Readme.CodeBlocks().Select(b => string.Join('\n', b.Lines)).Single(b => b.Contains("local serve --data", StringComparison.Ordinal));
        var demo = Regex.Match(block, @"reward-analytics demo --data (\S+)");
        var serve = Regex.Match(block, @"reward-analytics local serve --data (\S+)");

        Assert.True(demo.Success && serve.Success, block);
        Assert.Equal(demo.Groups[1].Value, serve.Groups[1].Value);
        Assert.Contains("reward-analytics totals --date 2025-03-03", block, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_output_rule_joins_wrapped_check_lines_and_masks_only_the_elapsed_time()
    {
        const string printed =
            "writing 20,000 rewards …\n \n day  ✔  \n──────\n 2025-03-03  ✔  \n    \n  ✔ the malformed items are the ones reported as skipped: 0 reported but \n" +
            "readable\n\nrecords streamed 20,029 · elapsed 27.2 s\nAll checks matched.\n";

        Assert.Equal(
            " day  ✔\n──────\n 2025-03-03  ✔\n\n  ✔ the malformed items are the ones reported as skipped: 0 reported but readable\n\n" +
            "records streamed 20,029 · elapsed … s\nAll checks matched.",
            ReadmeDemoBlock.MaskElapsed(ReadmeDemoBlock.DemoResultLines(printed)));
    }

    private static IEnumerable<(string Path, Command Command)> CommandTree()
    {
        // The tree CliApp.RunAsync builds under its root: CommandCatalog's commands, each with its sub-commands.
        var app = new CliApp(TextWriter.Null, TextWriter.Null, _ => null, TimeProvider.System);
        return CommandCatalog.Build(app).SelectMany(c => Walk(c, c.Name));
    }

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path) =>
        command.Subcommands.Count == 0
            ? [(path, command)]
            : command.Subcommands.SelectMany(sub => Walk(sub, $"{path} {sub.Name}"));

    /// <summary>The lines of the code block under README's "## Commands": <c>reward-analytics &lt;path&gt; [options] # what it does</c>.</summary>
    private static IEnumerable<(string Path, string Line)> ReadmeCommandLines()
    {
        var section = Readme.Lines.ToList().IndexOf("## Commands");
        Assert.True(section >= 0, "README.md has no '## Commands' section");
        var (_, lines) = Readme.CodeBlocks().First(b => b.OpeningLine > section);
        foreach (var line in lines.Where(l => l.StartsWith("reward-analytics ", StringComparison.Ordinal)))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).TakeWhile(w => w[0] is not ('-' or '[' or '#'));
            yield return (string.Join(' ', words), line);
        }
    }
}
