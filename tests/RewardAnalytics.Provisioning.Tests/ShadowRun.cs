namespace RewardAnalytics.Provisioning.Tests;

/// <summary>The cutover's parallel-run settings the shadow-run tests share.</summary>
internal static class ShadowRun
{
    /// <summary><c>reportPrefix</c> of the parallel run: the finalizer cannot overwrite the old job's <c>daily-rewards/</c>.</summary>
    internal const string ShadowPrefix = "daily-rewards-shadow/";

    /// <summary><c>metricsNamespace</c> of the parallel run: the finalizer's daily metrics cannot add to the old job's sums.</summary>
    internal const string Shadow = "LoyaltyPlatform/Rewards/Shadow";
}
