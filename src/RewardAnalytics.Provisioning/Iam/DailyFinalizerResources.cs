namespace RewardAnalytics.Provisioning.Iam;

/// <summary>The ARNs (and the function name whose failed-run prefix it may write) the daily finalizer's policy names.</summary>
public sealed record DailyFinalizerResources(
    string AggregatesTableArn, string AnalyticsBucketArn, string ReportPrefix, string LogGroupArn, string FailedBatchesBucketArn, string FunctionName);
