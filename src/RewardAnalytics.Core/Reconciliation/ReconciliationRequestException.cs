namespace RewardAnalytics.Core.Reconciliation;

/// <summary>A reconcile was asked for something it must not do (fixing a day the stream is still writing).</summary>
public sealed class ReconciliationRequestException : Exception
{
    /// <summary>A refused request without details.</summary>
    public ReconciliationRequestException() { }

    /// <summary>A refused request; the message says why (a fix for a day that has not ended).</summary>
    public ReconciliationRequestException(string message) : base(message) { }

    /// <summary>A refused request caused by <paramref name="inner"/>.</summary>
    public ReconciliationRequestException(string message, Exception inner) : base(message, inner) { }
}
