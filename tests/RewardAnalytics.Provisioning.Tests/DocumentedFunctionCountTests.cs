using System.Text.RegularExpressions;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>
/// The documents that count the Lambda functions ("the two functions", "both functions") count the ones the stack
/// deploys (<see cref="LambdaHandlers.All"/>): the totals API made it three, and the words did not follow.
/// </summary>
public sealed partial class DocumentedFunctionCountTests
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["both"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
    };

    [Fact]
    public void Every_document_that_counts_the_functions_counts_those_the_stack_deploys()
    {
        var documents = new[] { "README.md", Path.Combine("pulumi", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(p => Path.GetRelativePath(Repository.Root, p)))
            .Order(StringComparer.Ordinal);

        var wrong = documents
            .SelectMany(document => CountedFunctions().Matches(File.ReadAllText(Path.Combine(Repository.Root, document)))
                .Where(m => Numbers[m.Groups["count"].Value] != LambdaHandlers.All.Count)
                .Select(m => $"{document}: \"{Regex.Replace(m.Value, @"\s+", " ")}\""))
            .ToList();

        Assert.True(wrong.Count == 0,
            $"the stack deploys {LambdaHandlers.All.Count} functions; these documents count otherwise:\n{string.Join('\n', wrong)}");
    }

    [Theory]
    [InlineData("which becomes both functions' code", "both")]
    [InlineData("How the two\nfunctions meet the runtime", "two")]
    [InlineData("the three Lambda functions", "three")]
    public void A_count_of_functions_is_found_across_a_line_break_and_before_Lambda(string text, string count)
    {
        Assert.Equal(count, CountedFunctions().Match(text).Groups["count"].Value);
    }

    [GeneratedRegex(@"\b(?<count>one|two|both|three|four|five)\s+(?:Lambda\s+)?functions\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountedFunctions();
}
