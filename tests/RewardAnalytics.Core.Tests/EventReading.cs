using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Core.Tests.Events;
using RewardAnalytics.StreamEvents.Writer;

namespace RewardAnalytics.Core.Tests;

/// <summary>Reads stream events (fixture files or built records) and folds them the way the aggregator does, for assertions.</summary>
internal static class EventReading
{
    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static FoldedEvent Read(byte[] json, string zone = "UTC", RewardImageSchema? schema = null)
    {
        var batch = new StreamEventReader(schema ?? RewardImageSchema.Default).Read(json);
        return new FoldedEvent(batch, new ChangeFold(DateTimeZoneProviders.Tzdb[zone]).Fold(batch.Changes));
    }

    public static FoldedEvent Read(params StreamEventRecord[] records) => Read(RewardRecords.Event(RewardRecords.ShardA, records));

    public static FoldedEvent ReadIn(string zone, params StreamEventRecord[] records) => Read(RewardRecords.Event(RewardRecords.ShardA, records), zone);

    /// <summary>What the batch would add to each day, as the aggregates table would see it.</summary>
    public static Dictionary<LocalDate, DailyTotals> Totals(FoldedEvent batch) => batch.Days.ToDictionary(d => d.Day, d => d.Delta);

    /// <summary>The reason each skipped record was skipped, by eventID.</summary>
    public static Dictionary<string, SkipReason> SkipReasonsById(FoldedEvent batch) => batch.Skipped.ToDictionary(s => s.EventId, s => s.Reason);

    public static StreamEventFormatException Refused(string json) =>
        Assert.Throws<StreamEventFormatException>(() => Read(System.Text.Encoding.UTF8.GetBytes(json)).Dispose());
}
