using NodaTime;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// One or more days could not be finalized. The days that succeeded are committed; a rerun (Lambda's asynchronous retry,
/// or <c>finalize --date</c>) repairs the rest, because each step converges (see README, "Daily finalizer").
/// </summary>
public sealed class FinalizationFailedException : Exception
{
    public FinalizationFailedException(IReadOnlyList<DayOutcome> completed, IReadOnlyList<(LocalDate Day, Exception Error)> failures)
        : base("Finalization failed for " + string.Join("; ", failures.Select(f => $"{IsoDate.Format(f.Day)} ({f.Error.GetType().Name}: {f.Error.Message})")) +
               ". Days that succeeded are committed; rerun to finish.",
               failures[0].Error)
    {
        Completed = completed;
        Failures = failures;
    }

    public FinalizationFailedException() : this("Finalization failed") { }

    public FinalizationFailedException(string message) : base(message)
    {
        Completed = [];
        Failures = [];
    }

    public FinalizationFailedException(string message, Exception inner) : base(message, inner)
    {
        Completed = [];
        Failures = [];
    }

    public IReadOnlyList<DayOutcome> Completed { get; }

    public IReadOnlyList<(LocalDate Day, Exception Error)> Failures { get; }
}
