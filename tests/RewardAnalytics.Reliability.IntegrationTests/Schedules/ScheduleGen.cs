using CsCheck;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Reliability.IntegrationTests.Schedules;

/// <summary>
/// CsCheck generators of delivery schedules. Sized small on purpose (a few rewards, up to 24 steps, tiny shards
/// and batches) so a thousand of them run against dynalite in about a minute, and so that every kind of fault
/// lands on a batch boundary, a window boundary or a shard rollover often. Everything shrinks toward a put of
/// one reward on one shard with no faults.
/// </summary>
public static class ScheduleGen
{
    public static readonly string[] TimeZones =
    [
        "UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago",
    ];

    private static readonly Gen<StepKind> Kind = Gen.Frequency(
        (6, Gen.Const(StepKind.Put)),
        (3, Gen.Const(StepKind.Update)),
        (2, Gen.Const(StepKind.Delete)),
        (2, Gen.Const(StepKind.Expire)),
        (1, Gen.Const(StepKind.PutMalformed)),
        (2, Gen.Const(StepKind.Drain)));

    private static readonly Gen<(int Cents, int Day, int Minute, int Format)> CreatedAndAmount =
        Gen.Select(Gen.Int[0, 2_500_000], Gen.Int[0, 2], Gen.Int[0, 1439], Gen.Int[0, 2]);

    public static readonly Gen<WorkloadStep> Step =
        Gen.Select(Kind, Gen.Int[1, 5], Gen.Bool, CreatedAndAmount, Gen.Int[1, 7], Gen.Int[0, 9], Gen.Int[0, 240], Gen.Int[0, 960])
            .Select((kind, reward, redeemed, c, fields, shape, gap, lag) =>
                new WorkloadStep(kind, reward, redeemed, c.Cents, c.Day, c.Minute, c.Format, (UpdatedFields)fields, shape, gap, lag));

    /// <summary>Redeliveries out of order: bisected halves upper first, and earlier batches again after newer ones.</summary>
    private static readonly Gen<(int ReversedHalves, int Stale)> OutOfOrder = Gen.Select(Gen.OneOf(0, 50, 100), Gen.Int[0, 40]);

    public static readonly Gen<FaultRates> Faults =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 30], Gen.Int[1, 3], OutOfOrder)
            .Select((seed, duplicate, crashAfterWrite, crashMidBatch, throttle, poison, attempts, order) =>
                new FaultRates(seed, duplicate, crashAfterWrite, crashMidBatch, throttle, poison, attempts, order.ReversedHalves, order.Stale));

    private static readonly Gen<(int Shards, int RecordsPerShard, int BatchSize, int WindowSeconds, bool Bisect, int ExtraRetries, int Parallel)> Mapping =
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 6], Gen.Int[1, 8], Gen.OneOf(900, 1, 30, 60, 300), Gen.Bool, Gen.Int[0, 2], Gen.Int[1, 3]);

    public static readonly Gen<ScheduleCase> Case =
        Gen.Select(Mapping, Faults, Gen.OneOf(TimeZones), Step.Array[1, 24])
            .Select((m, faults, zone, steps) => new ScheduleCase(
                m.Shards, m.RecordsPerShard, m.BatchSize, m.WindowSeconds, m.Bisect, m.ExtraRetries, m.Parallel, faults, zone, steps));

    /// <summary>The fewest records whose bisection goes as deep as the largest batch's: ⌈log2 n⌉ = 14 from 8,193.</summary>
    public const int MaximumDepthRecords = 8_193;

    /// <summary>
    /// A maximum-depth bisection: one shard, one window, one batch of the largest size the stack accepts holding
    /// 8,193 to 10,000 writes, whose first delivery fails at every level down to its first record, the halves of every
    /// level in the given order (upper first: the most ranges applied above a record that is still to come).
    /// </summary>
    public static Gen<ScheduleCase> MaximumDepthCase(bool upperHalfFirst) =>
        Gen.Select(Gen.Int[0, 1_000_000], Gen.OneOf(TimeZones), Step.Array[MaximumDepthRecords, AppliedHistory.MaxBatchSize])
            .Select((seed, zone, steps) => new ScheduleCase(
                1, AppliedHistory.MaxBatchSize, AppliedHistory.MaxBatchSize, 900, true, 0, 1,
                FaultRates.None with { Seed = seed, MaximumDepthPercent = 100, MaximumDepthUpperHalfFirst = upperHalfFirst },
                zone,
                // Every step a write at the same instant (one window, one batch); a write that changes nothing is a put.
                [.. steps.Select(s => s with { Kind = s.Kind is StepKind.Drain or StepKind.Update or StepKind.Delete or StepKind.Expire ? StepKind.Put : s.Kind, Gap = 0 })]));
}
