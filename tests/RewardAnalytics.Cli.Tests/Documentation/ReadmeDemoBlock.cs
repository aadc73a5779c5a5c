using System.Text.RegularExpressions;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.Tests.Documentation;

/// <summary>
/// README's demo-output block and the rule that compares it with a demo run: the block between the markers, the lines
/// from the day table to the verdict (a wrapped check line joined back), the elapsed time masked. The rule is tested
/// here (ReadmeTests); the run itself is compared in RewardAnalytics.Cli.IntegrationTests, which links this file.
/// </summary>
internal static partial class ReadmeDemoBlock
{
    private const string DemoOutputBegin = "<!-- demo-output:begin (reward-analytics demo) -->";
    private const string DemoOutputEnd = "<!-- demo-output:end -->";

    private static readonly MarkdownFile Readme = MarkdownFile.Read(RepositoryRoot.Combine("README.md"));

    /// <summary>The text README shows between the demo-output markers, inside its ```text fence.</summary>
    internal static string Shown()
    {
        var begin = Readme.Lines.ToList().IndexOf(DemoOutputBegin);
        var end = Readme.Lines.ToList().IndexOf(DemoOutputEnd);
        Assert.True(begin >= 0 && end > begin, $"README.md has no demo output between '{DemoOutputBegin}' and '{DemoOutputEnd}'");
        var block = Readme.Lines.Skip(begin + 1).Take(end - begin - 1).ToArray();
        Assert.True(block.Length > 2 && block[0] == "```text" && block[^1] == "```", "the demo output is one ```text block between the markers");
        return string.Join('\n', block[1..^1]);
    }

    /// <summary>From the day table's header to the closing verdict, as a terminal shows it on one screen width.</summary>
    internal static string DemoResultLines(string printed)
    {
        var lines = AnsiEscape().Replace(printed, "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var first = lines.FindIndex(l => l.StartsWith(" day ", StringComparison.Ordinal));
        var last = lines.FindLastIndex(l => l is "All checks matched." || l.StartsWith("MISMATCH", StringComparison.Ordinal));
        Assert.True(first >= 0 && last > first, $"no day table and verdict in the demo's output:\n{printed}");

        var joined = new List<string>();
        var inCheck = false;
        foreach (var line in lines[first..(last + 1)])
        {
            if (inCheck && line.Length > 0 && line[0] != ' ')
            {
                joined[^1] += " " + line;
                continue;
            }

            inCheck = line.StartsWith("  ✔ ", StringComparison.Ordinal) || line.StartsWith("  ✘ ", StringComparison.Ordinal) || line.StartsWith("  ! ", StringComparison.Ordinal);
            joined.Add(line);
        }

        return string.Join('\n', joined);
    }

    internal static string MaskElapsed(string text) => ElapsedTime().Replace(text, "elapsed … s");

    [GeneratedRegex(@"elapsed \d+(?:\.\d+)? s")]
    private static partial Regex ElapsedTime();

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
