namespace RewardAnalytics.Core.Finalization;

/// <summary>The finalizer was asked for a day it must not finalize, or the payload names no readable date.</summary>
public sealed class FinalizationRequestException : Exception
{
    public FinalizationRequestException() { }

    public FinalizationRequestException(string message) : base(message) { }

    public FinalizationRequestException(string message, Exception inner) : base(message, inner) { }
}
