using NodaTime;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Core.Tests.Finalization;

/// <summary>The finalizer's payload: a date, or nothing meaning yesterday; anything else is refused.</summary>
public sealed class FinalizeRequestTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("{}", null)]
    [InlineData("""{"version":"0","source":"aws.scheduler","detail":{}}""", null)]
    [InlineData("""{"date":null}""", null)]
    [InlineData("[1,2]", null)]
    [InlineData("""{"date":"2023-11-15"}""", "2023-11-15")]
    public void The_payload_names_a_date_or_means_yesterday(string payload, string? expected) =>
        Assert.Equal(expected, FinalizeRequest.ReadDate(System.Text.Encoding.UTF8.GetBytes(payload))?.ToString("yyyy-MM-dd", null));

    [Theory]
    [InlineData("""{"date":"15/11/2023"}""", "\"date\" is \"15/11/2023\": expected a calendar date as \"YYYY-MM-DD\", e.g. \"2023-11-15\"")]
    [InlineData("""{"date":20231115}""", "\"date\" is 20231115: expected a calendar date as \"YYYY-MM-DD\", e.g. \"2023-11-15\"")]
    [InlineData("""{"date":"0001-01-01"}""", "\"date\" is \"0001-01-01\": expected a day a reward can fall on, from 1999-12-31 to 2100-01-01")]
    public void A_date_that_is_not_a_calendar_date_is_refused_not_ignored(string payload, string message) =>
        Assert.Equal(message, Assert.Throws<FinalizationRequestException>(() => FinalizeRequest.ReadDate(System.Text.Encoding.UTF8.GetBytes(payload))).Message);

    [Fact]
    public void A_payload_that_is_not_json_is_refused() =>
        Assert.StartsWith("the payload is not JSON", Assert.Throws<FinalizationRequestException>(() => FinalizeRequest.ReadDate("{date:"u8)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_finalize_payload_that_begins_with_a_UTF8_byte_order_mark_is_read_like_one_without()
    {
        Assert.Equal(new LocalDate(2023, 11, 15), FinalizeRequest.ReadDate([0xEF, 0xBB, 0xBF, .. "{\"date\":\"2023-11-15\"}"u8]));
    }
}
