using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>Another finalizer committed the day's <c>FINAL</c> item between this one's read and its commit.</summary>
public sealed class FinalRevisionConflictException : Exception
{
    /// <summary>Another finalizer committed <paramref name="revision"/> of <paramref name="day"/> first; <paramref name="inner"/> is the failed conditional write.</summary>
    public FinalRevisionConflictException(LocalDate day, int revision, Exception inner)
        : base($"FINAL of {day:yyyy-MM-dd} was committed by another finalizer before revision {revision} could be", inner)
    {
        Day = day;
        Revision = revision;
    }

    /// <summary>A conflict without details.</summary>
    public FinalRevisionConflictException() { }

    /// <summary>A conflict with a message of the caller's.</summary>
    public FinalRevisionConflictException(string message) : base(message) { }

    /// <summary>A conflict with a message of the caller's, caused by <paramref name="inner"/>.</summary>
    public FinalRevisionConflictException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The day whose FINAL item was committed by another finalizer.</summary>
    public LocalDate Day { get; }

    /// <summary>The revision this finalizer tried to commit.</summary>
    public int Revision { get; }
}
