using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Reliability.IntegrationTests;

/// <summary>
/// Every malformed input of the corpus through the real entry point against dynalite: each ends as documented
/// (skipped with its reason, or a failed invocation naming the problem), and no total changes but the valid records'.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class BadInputTests(LocalAwsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_bad_input_ends_as_documented_and_changes_no_total_but_the_valid_records()
    {
        var world = fixture.World;
        using var dynamo = world.CreateDynamoDb();
        var tableName = $"bad-input-{Guid.NewGuid():N}";
        await LocalAwsWorld.CreateAggregatesTableAsync(dynamo, tableName, default);
        var table = new DynamoAggregatesWriter(dynamo, tableName, TimeProvider.System);
        var ledgers = new DynamoDayLedgerReader(dynamo, tableName, DateTimeZone.Utc);
        var environment = new EnvironmentReader(name => name == AggregatorSettings.AggregatesTableVariable ? tableName : world.Get(name));

        var mismatches = new List<string>();
        var cases = BadInputCorpus.All;
        for (var n = 0; n < cases.Count; n++)
        {
            var problem = await RunAsync(cases[n], n, environment, table, ledgers);
            if (problem is not null)
            {
                mismatches.Add($"{cases[n].Name}: {problem}");
            }
        }

        Figures.Print(output, FigureLine(cases.Count, cases.Count - mismatches.Count));
        Assert.True(cases.Count >= 30, $"the corpus has {cases.Count} inputs; at least 30 are required");
        Assert.Empty(mismatches);
    }

    /// <summary>The figure line this test prints (docs/reliability.md quotes it; <c>ReliabilityDocumentTests</c> compares the two).</summary>
    internal static string FigureLine(int inputs, int asDocumented) => $"bad_inputs={inputs} outcomes_as_documented={asDocumented}";

    /// <summary>Runs one case; null when it ended as documented, otherwise what happened instead.</summary>
    private static async Task<string?> RunAsync(BadInput input, int n, EnvironmentReader environment, DynamoAggregatesWriter table, DynamoDayLedgerReader ledgers)
    {
        using var log = new StringWriter();
        var function = new StreamAggregator(StreamAggregator.Compose(environment, TimeProvider.System, new FunctionOutput(log, log)));
        Exception? failure = null;
        Core.Aggregation.AggregationOutcome? outcome = null;
        try
        {
            using var payload = new MemoryStream(input.Payload(n));
            outcome = await function.AggregateAsync(payload, CancellationToken.None);
        }
        catch (StreamEventFormatException ex)
        {
            failure = ex;
        }

        var day = NodaTime.LocalDate.FromDateOnly(DateOnly.Parse(BadInputEvents.Day(n), System.Globalization.CultureInfo.InvariantCulture));
        var totals = await ledgers.ReadRunningTotalsAsync(day, default);
        if (input.FailureText is { } text)
        {
            return failure is null ? "the invocation succeeded; expected it to fail"
                : !failure.Message.Contains(text, StringComparison.Ordinal) ? $"failed with '{failure.Message}'; expected '{text}' in the message"
                : totals != DailyTotals.Zero ? $"failed but wrote {totals}"
                : null;
        }

        if (failure is not null)
        {
            return $"failed with '{failure.Message}'; expected it to succeed";
        }

        if (totals != input.Counted)
        {
            return $"totals are {totals}; expected {input.Counted}";
        }

        if (input.Reason is { } reason)
        {
            var logged = log.ToString().Split('\n').Any(line =>
                line.Contains($"\"reason\":\"{reason.Name()}\"", StringComparison.Ordinal) &&
                line.Contains($"\"sequenceNumber\":\"{input.LoggedSequence ?? BadInputEvents.Seq(2)}\"", StringComparison.Ordinal) &&
                (input.Problem is null || line.Contains(input.Problem, StringComparison.Ordinal)));
            return outcome!.RecordsSkipped != 1 ? $"{outcome.RecordsSkipped} records skipped; expected 1"
                : !logged ? $"no log line with reason {reason.Name()} and the record's sequence number"
                : null;
        }

        return outcome!.RecordsSkipped != 0 ? $"{outcome.RecordsSkipped} records skipped; expected none" : null;
    }
}
