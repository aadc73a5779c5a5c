using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Local.Streaming;

namespace RewardAnalytics.Reliability.IntegrationTests.Schedules;

/// <summary>
/// One generated delivery schedule: the stream's shape, the event source mapping's settings, the fault plan, the
/// report time zone and the workload, step by step. Its <see cref="ToString"/> reads as the scenario, so a shrunk
/// counterexample can be replayed by reading it.
/// </summary>
public sealed record ScheduleCase(
    int Shards,
    int RecordsPerShard,
    int BatchSize,
    int WindowSeconds,
    bool Bisect,
    int ExtraRetries,
    int ParallelShards,
    FaultRates Faults,
    string TimeZoneId,
    WorkloadStep[] Steps)
{
    /// <summary>Day 0 of every schedule: the weekend New York moves its clocks forward (2025-03-09).</summary>
    public static readonly LocalDate FirstDay = new(2025, 3, 8);

    /// <summary>Where the stream's ApproximateCreationDateTime starts (the writes come after the rewards' createdAt).</summary>
    public static readonly DateTimeOffset StreamStart = new(2025, 3, 12, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every day a reward of any schedule can count toward, in any of the zones generated.</summary>
    public static DateInterval Days => new(FirstDay.PlusDays(-3), FirstDay.PlusDays(4));

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    public DeliverySchedule Delivery => new()
    {
        BatchSize = BatchSize,
        TumblingWindow = TimeSpan.FromSeconds(WindowSeconds),
        BisectBatchOnFunctionError = Bisect,
        // Faults hit only the first FaultyAttempts attempts, so this many retries always drain the schedule.
        MaximumRetryAttempts = Faults.FaultyAttempts + ExtraRetries,
        ParallelShards = ParallelShards,
        RecordAttempts = true,
    };

    public FaultPlan FaultPlan => Faults.ToPlan();

    public LocalStreamOptions StreamOptions => new()
    {
        ShardCount = Shards,
        RecordsPerShard = RecordsPerShard,
        Seed = Faults.Seed,
        Faults = Faults.PoisonPercent > 0 ? FaultPlan : null,
    };

    public int Writes => Steps.Count(s => s.Kind != StepKind.Drain);

    /// <summary>The instant a step's createdAt names: from 12:00 UTC the day before day 0, by day and minute.</summary>
    public static Instant CreatedAt(WorkloadStep step) =>
        FirstDay.PlusDays(-1).At(new LocalTime(12, 0)).InUtc().ToInstant() + Duration.FromMinutes((step.Day * 1440L) + step.Minute);

    /// <summary>createdAt as it is written to the item: ISO UTC, ISO with the zone's offset at that instant, or epoch seconds.</summary>
    public static AttributeValue CreatedAtValue(WorkloadStep step, DateTimeZone zone)
    {
        var instant = CreatedAt(step);
        return (step.Format % 3) switch
        {
            0 => new AttributeValue { S = instant.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
            1 => new AttributeValue
            {
                S = instant.ToDateTimeOffset().ToOffset(zone.GetUtcOffset(instant).ToTimeSpan()).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            },
            _ => new AttributeValue { N = instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
        };
    }

    public static string CreatedAtText(WorkloadStep step, DateTimeZone zone)
    {
        var value = CreatedAtValue(step, zone);
        var day = CreatedAt(step).InZone(zone).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return value.S is { } s ? $"{s} (day {day})" : $"{value.N} epoch s (day {day})";
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"stream: {Shards} shard(s), each rolling over to a child after {RecordsPerShard} record(s)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"mapping: batches of up to {BatchSize}, {WindowSeconds} s tumbling windows, bisect on error {(Bisect ? "on" : "off")}, " +
            $"MaximumRetryAttempts {Delivery.MaximumRetryAttempts}, {ParallelShards} shard(s) delivered at once");
        text.AppendLine(CultureInfo.InvariantCulture, $"faults: {Faults}");
        text.AppendLine(CultureInfo.InvariantCulture, $"report time zone {TimeZoneId}; writes from {StreamStart:yyyy-MM-dd'T'HH:mm:ss'Z'}:");
        for (var i = 0; i < Steps.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1,2}. {Steps[i].Describe(Zone)}");
        }

        text.Append("  then: drain the stream with every window over");
        return text.ToString();
    }
}

/// <summary>
/// The fault plan of a schedule, as percentages of delivery attempts (and of records, for poison): each decided by a
/// stable hash of <see cref="Seed"/>, only on a batch's first <see cref="FaultyAttempts"/> attempts.
/// </summary>
public sealed record FaultRates(
    long Seed, int DuplicatePercent, int CrashAfterWritePercent, int CrashMidBatchPercent, int ThrottlePercent, int PoisonPercent, int FaultyAttempts,
    int ReversedHalvesPercent = 0, int StaleRedeliveryPercent = 0, int MaximumDepthPercent = 0, bool MaximumDepthUpperHalfFirst = false)
{
    public static FaultRates None { get; } = new(0, 0, 0, 0, 0, 0, 1);

    public FaultPlan ToPlan() => new()
    {
        Seed = Seed,
        DuplicateDeliveryRate = DuplicatePercent / 100.0,
        CrashBeforeResponseRate = CrashAfterWritePercent / 100.0,
        CrashMidBatchRate = CrashMidBatchPercent / 100.0,
        ThrottleRate = ThrottlePercent / 100.0,
        PoisonRate = PoisonPercent / 100.0,
        FaultyAttempts = FaultyAttempts,
        ReversedHalvesRate = ReversedHalvesPercent / 100.0,
        StaleRedeliveryRate = StaleRedeliveryPercent / 100.0,
        MaximumDepthBisectionRate = MaximumDepthPercent / 100.0,
        MaximumDepthUpperHalfFirst = MaximumDepthUpperHalfFirst,
    };

    public override string ToString() => Rates() + (MaximumDepthPercent > 0
        ? string.Create(CultureInfo.InvariantCulture,
            $"; {MaximumDepthPercent}% of batches fail at every level down to their first record, {(MaximumDepthUpperHalfFirst ? "upper" : "lower")} half first")
        : "");

    private string Rates() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}, on the first {FaultyAttempts} attempt(s) of a batch: duplicate delivery {DuplicatePercent}%, " +
        $"crash after the DynamoDB write before the response {CrashAfterWritePercent}%, killed mid-batch after one day's write {CrashMidBatchPercent}%, " +
        $"one day's write throttled {ThrottlePercent}%; a poison record after {PoisonPercent}% of records; " +
        $"bisected halves upper first {ReversedHalvesPercent}%; an earlier batch (up to 8 back) redelivered after {StaleRedeliveryPercent}% of batches");
}
