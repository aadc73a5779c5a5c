using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Monitoring;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>The dashboard and the alarms chart the metric names the functions really emit, read back from their EMF lines.</summary>
public sealed class DashboardMetricNamesTests
{
    [Fact]
    public async Task Every_aggregator_metric_on_the_dashboard_is_in_the_aggregators_EMF_line()
    {
        using var log = new StringWriter();
        var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = "aggregates" }, new NoTable(), TimeProvider.System, log);

        await aggregation.HandleAsync("""{ "Records": [], "shardId": "shardId-1", "isFinalInvokeForWindow": true }"""u8.ToArray(), CancellationToken.None);

        var emitted = Assert.Single(EmfLine.ParseAll(log.ToString())).Metrics.Keys;
        Assert.All(DashboardBody.AggregatorMetrics, name => Assert.Contains(name, emitted));
        Assert.All(DashboardBody.FlowAmountMetrics.Concat(DashboardBody.FlowCountMetrics), name => Assert.Contains(name, emitted));
        Assert.Contains(DashboardBody.RedeliveredBeyondHistory, emitted);
    }

    /// <summary>Never called: an empty final invoke writes nothing.</summary>
    private sealed class NoTable : IAggregatesTable
    {
        public Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("an empty final invoke must not write");

        public bool IsTransient(Exception error) => false;
    }
}
