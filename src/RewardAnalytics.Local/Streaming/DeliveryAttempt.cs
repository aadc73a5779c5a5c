namespace RewardAnalytics.Local.Streaming;

/// <summary>One invocation the driver made: which records, which attempt, which fault, what came back.</summary>
public sealed record DeliveryAttempt(
    string ShardId,
    string? FirstSequenceNumber,
    string? LastSequenceNumber,
    int RecordCount,
    int Attempt,
    bool IsFinalInvokeForWindow,
    InjectedFault Fault,
    DeliveryResult Result,
    string? Detail);

/// <summary>How Lambda reads an invocation's end.</summary>
public enum DeliveryResult
{
    /// <summary>The function responded with no batch item failures.</summary>
    Success,
    /// <summary>The function responded with batch item failures: Lambda retries from the first one.</summary>
    PartialFailure,
    /// <summary>The function threw (or died): Lambda retries the batch, bisecting it when so configured.</summary>
    FunctionError,
}
