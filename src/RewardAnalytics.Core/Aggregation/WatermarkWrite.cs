namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// What one watermark-guarded write did: requests made (updates and consistent reads), how many of the group's
/// entries it applied, and how many it found already applied by an earlier delivery.
/// </summary>
public readonly record struct WatermarkWrite(int Writes, int Reads, int EntriesApplied, int EntriesAlreadyApplied);
