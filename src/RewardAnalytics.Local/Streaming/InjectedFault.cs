namespace RewardAnalytics.Local.Streaming;

/// <summary>What the fault plan does to one delivery attempt of a batch.</summary>
public enum InjectedFault
{
    /// <summary>The attempt goes through untouched.</summary>
    None,

    /// <summary>The batch succeeds, but Lambda delivers it again (a poller timeout after the function finished).</summary>
    DuplicateDelivery,

    /// <summary>The function makes all its DynamoDB writes, then dies before it responds: a function error.</summary>
    CrashBeforeResponse,

    /// <summary>The function dies right after its first aggregate write; other days' writes may or may not have happened.</summary>
    CrashMidBatch,

    /// <summary>One day's aggregate write is throttled beyond the SDK's retries while the others succeed: a partial-batch failure.</summary>
    Throttle,

    /// <summary>The function fails before any write (a timeout while it starts, say): a function error that commits nothing.</summary>
    FailBeforeWrite,
}
