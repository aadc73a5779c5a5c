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
