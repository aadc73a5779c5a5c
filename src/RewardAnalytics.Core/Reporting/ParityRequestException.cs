namespace RewardAnalytics.Core.Reporting;

/// <summary>A parity check was asked for something that proves nothing (a report set compared with itself).</summary>
public sealed class ParityRequestException : Exception
{
    /// <summary>A refused request without details.</summary>
    public ParityRequestException() { }

    /// <summary>A refused request; the message says why.</summary>
    public ParityRequestException(string message) : base(message) { }

    /// <summary>A refused request caused by <paramref name="inner"/>.</summary>
    public ParityRequestException(string message, Exception inner) : base(message, inner) { }
}
