namespace RewardAnalytics.Provisioning.Iam;

/// <summary>The ARNs the totals API's policy names.</summary>
public sealed record TotalsApiResources(string AggregatesTableArn, string LogGroupArn);
