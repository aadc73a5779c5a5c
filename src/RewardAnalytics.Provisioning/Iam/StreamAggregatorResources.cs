namespace RewardAnalytics.Provisioning.Iam;

/// <summary>The ARNs the stream aggregator's policy names.</summary>
public sealed record StreamAggregatorResources(string RewardsStreamArn, string AggregatesTableArn, string FailedBatchesBucketArn, string LogGroupArn);
