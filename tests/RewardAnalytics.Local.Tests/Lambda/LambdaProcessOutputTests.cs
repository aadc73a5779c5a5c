using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Lambda;
using RewardAnalytics.Local.StreamEvents;
using static RewardAnalytics.Local.Tests.Lambda.LambdaClock;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Local.Tests.Lambda;

/// <summary>A function's log stream as the process writes it, read back as CloudWatch reads it under each log format.</summary>
public sealed class LambdaProcessOutputTests
{
    private readonly FakeTimeProvider _clock = new(Now);

    [Theory]
    [InlineData(LambdaLogFormat.Json)]
    [InlineData(LambdaLogFormat.Text)]
    public async Task The_aggregators_metrics_reach_CloudWatch_under_either_log_format(LambdaLogFormat format)
    {
        using var logStream = new StringWriter();
        var function = new StreamAggregator(new StreamAggregation(
            new AggregatorSettings { AggregatesTable = "aggregates" }, new NullAggregatesTable(), _clock, LambdaProcessOutput.For(logStream, format, _clock).Log));
        var records = new[] { Insert(1, Item("r1", "ISSUED", "10", "2023-11-15T08:00:00Z")), Insert(2, Item("r2", "BOGUS", "1", "2023-11-15T08:00:00Z")) };
        using var input = new MemoryStream(StreamRecord.WriteEvent(ShardA, records, Now.AddMinutes(-5), Now));

        await function.HandleAsync(input);

        var metrics = EmfMetricExtractor.Extract(logStream.ToString());
        Assert.Equal(2m, metrics.Single(m => m.Name == "RecordsReceived").Value);
        Assert.Equal(1m, metrics.Single(m => m.Name == "RecordsSkipped").Value);
        // The skipped record's log line is a JSON object of its own too, queryable by its fields.
        var skipped = logStream.ToString().Split('\n').Single(l => l.Contains("stream record skipped", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(skipped);
        Assert.Equal("type_unknown", json.RootElement.GetProperty("reason").GetString());
    }

    /// <summary>A table that applies every group (what it stores does not matter to what the function logs).</summary>
    private sealed class NullAggregatesTable : IAggregatesTable
    {
        public Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken) =>
            Task.FromResult(new WatermarkWrite(1, 0, group.EntryCount, 0));

        public bool IsTransient(Exception error) => false;
    }
}
