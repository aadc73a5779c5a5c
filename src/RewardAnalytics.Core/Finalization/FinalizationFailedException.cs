using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// One or more days could not be finalized. The days that succeeded are committed; a rerun (Lambda's asynchronous retry,
/// or <c>finalize --date</c>) repairs the rest, because each step converges (see docs/finalizer.md).
/// </summary>
public sealed class FinalizationFailedException : Exception
{
    /// <summary>The run finished <paramref name="completed"/> and failed <paramref name="failures"/>; the first failure is the inner exception.</summary>
    public FinalizationFailedException(IReadOnlyList<DayOutcome> completed, IReadOnlyList<(LocalDate Day, Exception Error)> failures)
        : base("Finalization failed for " + string.Join("; ", failures.Select(f => f.Error is UnreadableDayException
                   ? $"{IsoDate.Format(f.Day)} ({f.Error.Message})"
                   : $"{IsoDate.Format(f.Day)} ({f.Error.GetType().Name}: {f.Error.Message})")) +
               (failures.All(f => f.Error is UnreadableDayException)
                   ? ". Days that succeeded are committed."
                   : ". Days that succeeded are committed; rerun to finish."),
               failures[0].Error)
    {
        Completed = completed;
        Failures = failures;
    }

    /// <summary>A failure without details.</summary>
    public FinalizationFailedException() : this("Finalization failed") { }

    /// <summary>A failure with a message of the caller's and no per-day details.</summary>
    public FinalizationFailedException(string message) : base(message)
    {
        Completed = [];
        Failures = [];
    }

    /// <summary>A failure with a message of the caller's, caused by <paramref name="inner"/>.</summary>
    public FinalizationFailedException(string message, Exception inner) : base(message, inner)
    {
        Completed = [];
        Failures = [];
    }

    /// <summary>The days that were finalized (committed) before or despite the failures.</summary>
    public IReadOnlyList<DayOutcome> Completed { get; }

    /// <summary>The days that could not be finalized, each with its error.</summary>
    public IReadOnlyList<(LocalDate Day, Exception Error)> Failures { get; }
}
