using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests.Settings;

public sealed class EventSourceMappingParametersTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(10)]
    public void A_parallelization_factor_other_than_1_is_refused_where_the_mapping_is_made(int factor)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EventSourceMappingParameters(parallelizationFactor: factor));

        Assert.StartsWith("ParallelizationFactor must be 1: the per-(day, shard) watermarks count a record once only if a shard's records arrive in sequence order.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(901)]
    public void A_missing_or_impossible_tumbling_window_is_refused_where_the_mapping_is_made(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EventSourceMappingParameters(tumblingWindowSeconds: seconds));

        Assert.StartsWith("The stream aggregator needs a tumbling window of 1 to 900 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_record_age_keeps_records_until_stream_retention_while_retries_stay_bounded()
    {
        var mapping = Config.Settings().Mapping;

        Assert.Equal(-1, mapping.MaximumRecordAgeSeconds);
        Assert.Equal(10, mapping.MaximumRetryAttempts);
    }

    [Theory]
    [InlineData("-1", -1)]
    [InlineData("60", 60)]
    [InlineData("604800", 604800)]
    public void A_record_age_of_minus_one_or_60_to_604800_seconds_is_accepted(string value, int expected)
    {
        Assert.Equal(expected, Config.Settings("dev", (ConfigKeys.MaximumRecordAgeSeconds, value)).Mapping.MaximumRecordAgeSeconds);
    }

    [Fact]
    public void The_mapping_reports_batch_item_failures_and_emits_its_metrics()
    {
        Assert.Equal(["ReportBatchItemFailures"], EventSourceMappingParameters.FunctionResponseTypes);
        Assert.Equal(["EventCount"], EventSourceMappingParameters.Metrics);
    }
}
