using System.Text.RegularExpressions;
using RewardAnalytics.Reliability.IntegrationTests.Schedules;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Reliability.IntegrationTests;

/// <summary>
/// docs/reliability.md quotes the <c>[figures]</c> lines this suite prints. Each quote is compared with the code that
/// prints it, so a changed corpus or a new key shows up here instead of going stale in the document.
/// </summary>
public sealed partial class ReliabilityDocumentTests
{
    private static readonly string Document = File.ReadAllText(RepositoryRoot.Combine("docs", "reliability.md"));

    [Fact]
    public void The_bad_input_figures_the_reliability_doc_quotes_are_the_line_BadInputTests_prints_when_every_input_ends_as_documented()
    {
        var printed = $"{Figures.Prefix} {BadInputTests.FigureLine(BadInputCorpus.All.Count, BadInputCorpus.All.Count)}";

        var quoted = Quotes().Where(q => q.Contains("bad_inputs=", StringComparison.Ordinal)).ToArray();

        Assert.True(quoted.SequenceEqual([printed]),
            $"docs/reliability.md quotes [{string.Join(", ", quoted)}]; BadInputTests prints `{printed}` when every input of the corpus ends as documented");
    }

    [Fact]
    public void The_out_of_order_figures_the_reliability_doc_quotes_name_the_keys_the_delivery_schedules_print_in_their_order()
    {
        var printed = new ScheduleTally().OutOfOrderLine;

        var quoted = Quotes().Where(q => q.StartsWith("out_of_order ", StringComparison.Ordinal)).ToArray();

        Assert.True(quoted.Select(Keys).SequenceEqual([Keys(printed)]),
            $"docs/reliability.md quotes [{string.Join(", ", quoted)}]; DeliveryScheduleTests prints `{printed}` (values vary by run; the keys are these)");
    }

    /// <summary>The document's inline code spans (<c>`…`</c>).</summary>
    private static IEnumerable<string> Quotes() => CodeSpan().Matches(Document).Select(m => m.Groups[1].Value);

    /// <summary>The <c>key=</c> names of a figure line, in order, e.g. <c>schedules reversed_bisections … mismatches</c>.</summary>
    private static string Keys(string line) => string.Join(' ', FigureKey().Matches(line).Select(m => m.Groups[1].Value));

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(\w+)=")]
    private static partial Regex FigureKey();
}
