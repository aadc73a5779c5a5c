using NodaTime;

namespace RewardAnalytics.Local.Demo;

/// <summary>The daily finalizer as the demo runs it: on schedule (no date: yesterday by the clock) or for a date.</summary>
internal interface IDayFinalizer
{
    /// <summary>How many days before the target each run re-checks (RECHECK_DAYS).</summary>
    int RecheckDays { get; }

    /// <summary>Runs the finalizer for <paramref name="date"/>, or as the schedule does (yesterday) when it is null; returns what it did to each checked day.</summary>
    Task<IReadOnlyList<FinalizerDayResult>> FinalizeAsync(LocalDate? date, CancellationToken cancellationToken);

    /// <summary>The stored report body of a day (its bytes), or null when there is none.</summary>
    Task<byte[]?> ReadReportAsync(LocalDate date, CancellationToken cancellationToken);
}
