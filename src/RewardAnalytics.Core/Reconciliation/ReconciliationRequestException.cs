namespace RewardAnalytics.Core.Reconciliation;

/// <summary>A reconcile was asked for something it must not do (fixing a day the stream is still writing).</summary>
public sealed class ReconciliationRequestException : Exception
{
    public ReconciliationRequestException() { }

    public ReconciliationRequestException(string message) : base(message) { }

    public ReconciliationRequestException(string message, Exception inner) : base(message, inner) { }
}
