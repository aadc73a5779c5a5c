using NodaTime;
using RewardAnalytics.Core;

namespace RewardAnalytics.Local.Demo;

/// <summary>What the demo found: a row per day, the named checks, the figures. Green only if everything matched.</summary>
public sealed record DemoResult(DemoOptions Options, IReadOnlyList<DayCheck> Days, IReadOnlyList<DemoCheck> Checks, DemoFigures Figures)
{
    public bool AllMatched => Days.All(d => d.Matches) && Checks.All(c => c.Passed);
}

/// <summary>
/// One day: the ground truth (full scan), the running totals, the published report (null before finalization), its
/// revision and the expected one, how many stream records changed the day after it was first finalized.
/// </summary>
public sealed record DayCheck(
    LocalDate Date,
    DailyTotals Truth,
    DailyTotals Running,
    DailyTotals? Report,
    bool ReportBytesMatch,
    int? Revision,
    int ExpectedRevision,
    int LateRecords,
    bool Matches);

/// <summary>A named check and what it found.</summary>
public sealed record DemoCheck(string Name, bool Passed, string Detail);

/// <summary>The figures of a run.</summary>
public sealed record DemoFigures(
    int WorkloadWrites,
    int RecordsStreamed,
    int PoisonRecords,
    long Invocations,
    long Retries,
    long Bisections,
    long PartialBatchRetries,
    long DuplicateDeliveries,
    long CrashesInjected,
    long ThrottlesInjected,
    long DuplicatesAbsorbed,
    long DynamoDbWrites,
    long WatermarkReads,
    int SkippedRecords,
    long RecordsSentToOnFailureDestination,
    int FinalizerRuns,
    TimeSpan Elapsed)
{
    /// <summary>Aggregate UpdateItem requests per 1,000 stream records: the cost the design keeps low.</summary>
    public double WritesPerThousandRecords => RecordsStreamed == 0 ? 0 : DynamoDbWrites * 1000.0 / RecordsStreamed;
}
