namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>The step after which a finalization is made to crash.</summary>
public enum CrashPoint
{
    AfterReport,
    AfterMetrics,
    AfterFinal,
}
