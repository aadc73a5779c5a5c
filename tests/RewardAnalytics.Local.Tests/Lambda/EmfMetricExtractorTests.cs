using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Local.Lambda;
using static RewardAnalytics.Local.Tests.Lambda.LambdaClock;

namespace RewardAnalytics.Local.Tests.Lambda;

/// <summary>What CloudWatch can extract from a function's log stream: EMF reaches CloudWatch only as the root object of its log event.</summary>
public sealed class EmfMetricExtractorTests
{
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void An_EMF_document_wrapped_in_the_runtimes_log_object_yields_no_metric()
    {
        const string emf = """{"_aws":{"Timestamp":1700000000000,"CloudWatchMetrics":[{"Namespace":"LoyaltyPlatform/Rewards","Dimensions":[[]],"Metrics":[{"Name":"NetRewards","Unit":"None"}]}]},"NetRewards":750.0}""";
        using var stream = new StringWriter();
        new LambdaConsoleWriter(stream, LambdaLogFormat.Json, _clock).WriteLine(emf);

        Assert.Empty(EmfMetricExtractor.Extract(stream.ToString()));
        var metric = Assert.Single(EmfMetricExtractor.Extract(emf));
        Assert.Equal(("LoyaltyPlatform/Rewards", "NetRewards", 750.0m, "None"), (metric.Namespace, metric.Name, metric.Value, metric.Unit));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), metric.Timestamp);
    }

    [Theory]
    [InlineData("""{"_aws":{"Timestamp":"now","CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":1}""")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Environment"]],"Metrics":[{"Name":"M"}]}]},"M":1}""")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":"1"}""")]
    [InlineData("""2023-11-15T09:26:00.123Z	8f5e	info	{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":1}""")]
    public void A_log_event_that_breaks_an_EMF_rule_yields_no_metric(string logEvent)
    {
        Assert.Empty(EmfMetricExtractor.FromEvent(logEvent));
    }
}
