namespace RewardAnalytics.Core.Finalization;

/// <summary>The finalizer was asked for a day it must not finalize, or the payload names no readable date.</summary>
public sealed class FinalizationRequestException : Exception
{
    /// <summary>A refused request without details.</summary>
    public FinalizationRequestException() { }

    /// <summary>A refused request; the message says what was asked and what is accepted.</summary>
    public FinalizationRequestException(string message) : base(message) { }

    /// <summary>A refused request caused by <paramref name="inner"/> (a payload that is not JSON).</summary>
    public FinalizationRequestException(string message, Exception inner) : base(message, inner) { }
}
