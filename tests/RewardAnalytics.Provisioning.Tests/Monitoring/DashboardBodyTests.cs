using System.Text.Json;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Monitoring;
using RewardAnalytics.Provisioning.Settings;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.Provisioning.Tests.ShadowRun;

namespace RewardAnalytics.Provisioning.Tests.Monitoring;

public sealed class DashboardBodyTests
{
    [Fact]
    public void The_dashboard_shows_the_daily_metrics_summed_over_a_day_lag_errors_and_skipped_records()
    {
        var body = JsonDocument.Parse(DashboardBody.Build(Config.Settings("prod"), "eu-west-1", "mapping-uuid", TotalsApiArn)).RootElement;
        var widgets = body.GetProperty("widgets").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "metric").Select(w => w.GetProperty("properties")).ToList();
        var metrics = widgets.SelectMany(w => w.GetProperty("metrics").EnumerateArray().Select(m => (Widget: w, Metric: m))).ToList();

        foreach (var daily in new[] { "TotalIssuedRewards", "TotalRedeemedRewards", "NetRewards", "IssuedCount", "RedeemedCount" })
        {
            var (widget, metric) = Assert.Single(metrics, m => m.Metric[1].GetString() == daily);
            Assert.Equal(["LoyaltyPlatform/Rewards", daily, "Environment", "prod"], metric.EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(("Sum", 86400), (widget.GetProperty("stat").GetString(), widget.GetProperty("period").GetInt32()));
        }

        Assert.Contains(metrics, m => m.Metric[1].GetString() == "IteratorAge" && m.Metric[3].GetString() == "reward-analytics-prod-stream-aggregator");
        Assert.Equal(
            ["reward-analytics-prod-stream-aggregator", "reward-analytics-prod-daily-finalizer", "reward-analytics-prod-totals-api"],
            metrics.Where(m => m.Metric[1].GetString() == "Errors").Select(m => m.Metric[3].GetString()));
        Assert.Contains(metrics, m => m.Metric[1].GetString() == "RecordsSkipped" && m.Metric[0].GetString() == "LoyaltyPlatform/Rewards");
        var (aggregatorWidget, redelivered) = Assert.Single(metrics, m => m.Metric[1].GetString() == "RedeliveredBeyondHistory");
        Assert.Equal(["LoyaltyPlatform/Rewards", "RedeliveredBeyondHistory", "Environment", "prod"], redelivered.EnumerateArray().Select(v => v.GetString()));
        Assert.Contains(aggregatorWidget.GetProperty("metrics").EnumerateArray(), m => m[1].GetString() == "RecordsSkipped");
        Assert.Contains(metrics, m => m.Metric[1].GetString() == "OnFailureDestinationDeliveredEventCount" && m.Metric[3].GetString() == "mapping-uuid");
        Assert.All(widgets, w => Assert.Equal("eu-west-1", w.GetProperty("region").GetString()));
    }

    private const string TotalsApiArn = "arn:aws:lambda:eu-west-1:123456789012:function:reward-analytics-prod-totals-api";

    [Fact]
    public void The_dashboard_opens_with_the_running_totals_widget_backed_by_the_totals_API_function()
    {
        var body = JsonDocument.Parse(DashboardBody.Build(Config.Settings("prod"), "eu-west-1", "mapping-uuid", TotalsApiArn)).RootElement;

        var widget = body.GetProperty("widgets")[0];
        Assert.Equal(("custom", 0, 0, 24), (widget.GetProperty("type").GetString(), widget.GetProperty("x").GetInt32(), widget.GetProperty("y").GetInt32(), widget.GetProperty("width").GetInt32()));
        var properties = widget.GetProperty("properties");
        Assert.Equal(TotalsApiArn, properties.GetProperty("endpoint").GetString());
        Assert.Equal("""{"refresh":true,"resize":false,"timeRange":false}""", properties.GetProperty("updateOn").GetRawText());
    }

    [Fact]
    public void The_dashboard_charts_the_intraday_flow_per_minute_by_processing_time()
    {
        var body = JsonDocument.Parse(DashboardBody.Build(Config.Settings("prod"), "eu-west-1", "mapping-uuid", TotalsApiArn)).RootElement;
        var flow = body.GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("properties"))
            .Where(p => p.TryGetProperty("title", out var t) && t.GetString()!.StartsWith("Intraday flow", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, flow.Count);
        Assert.All(flow, w => Assert.Equal(("Sum", 60), (w.GetProperty("stat").GetString(), w.GetProperty("period").GetInt32())));
        Assert.Equal(
            ["IssuedAmountApplied", "RedeemedAmountApplied", "IssuedCountApplied", "RedeemedCountApplied", "RecordsApplied", "RecordsDuplicate"],
            flow.SelectMany(w => w.GetProperty("metrics").EnumerateArray().Select(m => m[1].GetString())));
    }

    [Fact]
    public void The_dashboard_url_opens_the_dashboard_in_its_region()
    {
        Assert.Equal(
            "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/reward-analytics-prod",
            DashboardBody.Url("eu-west-1", "reward-analytics-prod"));
    }

    [Fact]
    public void The_dashboards_daily_widgets_read_the_configured_namespace_and_the_aggregators_stay_in_the_services()
    {
        var settings = Config.Settings("prod", (ConfigKeys.MetricsNamespace, Shadow));
        var body = JsonDocument.Parse(DashboardBody.Build(settings, "eu-west-1", "uuid", "arn:aws:lambda:eu-west-1:123456789012:function:totals")).RootElement;

        var metrics = body.GetProperty("widgets").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "metric")
            .SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray()).ToList();
        var daily = metrics.Where(m => DashboardBody.DailyAmountMetrics.Concat(DashboardBody.DailyCountMetrics).Contains(m[1].GetString())).ToList();

        Assert.Equal(5, daily.Count);
        Assert.Contains(daily, m => m[1].GetString() == EmfDayMetrics.TotalIssuedRewards);
        Assert.All(daily, m => Assert.Equal(Shadow, m[0].GetString()));
        Assert.All(daily, m => Assert.Equal(("Environment", "prod"), (m[2].GetString(), m[3].GetString())));
        Assert.All(metrics.Where(m => DashboardBody.AggregatorMetrics.Contains(m[1].GetString())),
            m => Assert.Equal("LoyaltyPlatform/Rewards", m[0].GetString()));
    }

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
