namespace RewardAnalytics.Local.Demo;

/// <summary>One logged skip.</summary>
public sealed record LoggedSkip(string SequenceNumber, string Reason, string? RewardId, string? ShardId);
