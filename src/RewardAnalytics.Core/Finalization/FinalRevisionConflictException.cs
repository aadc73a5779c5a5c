using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>Another finalizer committed the day's <c>FINAL</c> item between this one's read and its commit.</summary>
public sealed class FinalRevisionConflictException : Exception
{
    public FinalRevisionConflictException(LocalDate day, int revision, Exception inner)
        : base($"FINAL of {day:yyyy-MM-dd} was committed by another finalizer before revision {revision} could be", inner)
    {
        Day = day;
        Revision = revision;
    }

    public FinalRevisionConflictException() { }

    public FinalRevisionConflictException(string message) : base(message) { }

    public FinalRevisionConflictException(string message, Exception inner) : base(message, inner) { }

    public LocalDate Day { get; }

    public int Revision { get; }
}
