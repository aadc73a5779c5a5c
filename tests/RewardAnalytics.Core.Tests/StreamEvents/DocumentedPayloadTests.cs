using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using static RewardAnalytics.Core.Tests.EventReading;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>Payloads shaped like AWS's documented DynamoDB Streams and tumbling-window events (files in Fixtures/).</summary>
public sealed class DocumentedPayloadTests
{
    [Fact]
    public void The_sample_tumbling_window_event_folds_into_one_day_of_1500_issued_and_750_redeemed()
    {
        using var batch = Read(Fixture("tumbling-window-event.json"));

        Assert.Equal(new StreamEnvelope(
            "shardId-00000001700000000000-a1b2c3d4",
            "arn:aws:dynamodb:us-east-1:123456789012:table/rewards/stream/2023-11-01T00:00:00.000",
            "2023-11-15T09:20:00Z",
            "2023-11-15T09:25:00Z",
            IsFinalInvokeForWindow: false,
            IsWindowTerminatedEarly: false), batch.Envelope);
        Assert.Equal(5, batch.RecordCount);
        Assert.Equal(1, batch.TtlRemovals);
        var skipped = Assert.Single(batch.Skipped);
        Assert.Equal(new SkippedRecord("e4da3b7fbbce2345d7772b0674a318d5", "INSERT", "111000000000000000004", """{"rewardId":{"S":"r-0003"}}""", SkipReason.TypeUnknown), skipped);
        // The TTL removal of a 2023-11-14 reward changes no total; it is tallied apart as expired on its day.
        Assert.Equal(2, batch.Days.Count);
        var expiredDay = batch.Days[0];
        Assert.Equal((new LocalDate(2023, 11, 14), DailyTotals.Zero, new DailyTotals(25m, 0m, 1, 0)), (expiredDay.Day, expiredDay.Delta, expiredDay.Expired));
        var day = batch.Days[1];
        Assert.Equal(new LocalDate(2023, 11, 15), day.Day);
        Assert.Equal(new DailyTotals(1500m, 750m, 1, 1), day.Delta);
        Assert.Equal(DailyTotals.Zero, day.Expired);
        Assert.Equal("111000000000000000001", day.FirstSequence.ToString());
        Assert.Equal("111000000000000000003", day.LastSequence.ToString());
        Assert.Equal("111000000000000000005", batch.LastSequence.ToString());
    }

    [Fact]
    public void The_developer_guide_shape_with_short_sequence_numbers_and_a_carried_state_is_read()
    {
        using var batch = Read(Fixture("documented-tumbling-window-event.json"));

        Assert.Equal("shard123456789", batch.ShardId);
        Assert.Equal("stream-ARN", batch.Envelope.EventSourceArn);
        Assert.Equal(("2020-07-30T17:00:00Z", "2020-07-30T17:05:00Z"), (batch.Envelope.WindowStart, batch.Envelope.WindowEnd));
        Assert.Equal(3, batch.RecordCount);
        Assert.Empty(batch.Skipped);
        // 1: +101 issued; 2: the same reward becomes a 99.5 redemption; 3: +12.5 issued at epoch 1596128700 (17:05Z).
        Assert.Equal(
            [
                new DeltaEntry(SequenceNumber.Parse("111"), new LocalDate(2020, 7, 30), new DailyTotals(101m, 0m, 1, 0)),
                new DeltaEntry(SequenceNumber.Parse("222"), new LocalDate(2020, 7, 30), new DailyTotals(-101m, 99.5m, -1, 1)),
                new DeltaEntry(SequenceNumber.Parse("333"), new LocalDate(2020, 7, 30), new DailyTotals(12.5m, 0m, 1, 0)),
            ],
            batch.Entries.ToArray());
        Assert.Equal(new DailyTotals(12.5m, 99.5m, 1, 1), Assert.Single(batch.Days).Delta);
    }

    [Fact]
    public void Attributes_of_every_DynamoDB_type_around_the_reward_are_skipped_over_and_a_TTL_expiry_changes_nothing()
    {
        using var batch = Read(Fixture("every-attribute-type-event.json"));

        Assert.Equal(2, batch.RecordCount);
        Assert.Equal(1, batch.TtlRemovals);
        Assert.Empty(batch.Skipped);
        var day = Assert.Single(batch.Days);
        Assert.Equal((new LocalDate(2016, 12, 2), new DailyTotals(20.25m, 0m, 1, 0)), (day.Day, day.Delta));
    }

    [Fact]
    public void A_stream_event_without_a_tumbling_window_is_refused_for_its_missing_shardId()
    {
        var error = Assert.Throws<StreamEventFormatException>(() => Read(Fixture("stream-event-without-window.json")));

        Assert.Equal(
            "The event has no 'shardId': the event source mapping must set a tumbling window (TumblingWindowInSeconds) so that each invocation names its shard.",
            error.Message);
    }

    [Fact]
    public void Renamed_reward_attributes_are_read_from_the_configured_names()
    {
        var json = System.Text.Encoding.UTF8.GetString(Fixture("documented-tumbling-window-event.json"))
            .Replace("\"type\"", "\"kind\"", StringComparison.Ordinal)
            .Replace("\"amount\"", "\"points\"", StringComparison.Ordinal)
            .Replace("\"createdAt\"", "\"issuedAt\"", StringComparison.Ordinal);

        using var renamed = Read(System.Text.Encoding.UTF8.GetBytes(json), schema: new RewardImageSchema("kind", "points", "issuedAt"));
        using var defaults = Read(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(new DailyTotals(12.5m, 99.5m, 1, 1), Assert.Single(renamed.Days).Delta);
        Assert.Equal([SkipReason.TypeMissing, SkipReason.TypeMissing, SkipReason.TypeMissing], defaults.Skipped.Select(s => s.Reason));
    }
}
