namespace RewardAnalytics.Core.StreamEvents;

/// <summary>The tumbling-window fields Lambda puts around a batch of stream records.</summary>
internal sealed record StreamEnvelope(
    string ShardId,
    string? EventSourceArn,
    string? WindowStart,
    string? WindowEnd,
    bool IsFinalInvokeForWindow,
    bool IsWindowTerminatedEarly);
