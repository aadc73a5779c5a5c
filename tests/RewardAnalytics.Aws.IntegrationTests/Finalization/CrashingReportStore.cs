using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>The real report store, counting its writes, that crashes after a write completes while armed.</summary>
public sealed class CrashingReportStore(IReportStore inner, bool crash = false) : IReportStore
{
    public int Puts { get; private set; }

    public async Task PutAsync(PublishedReport report, CancellationToken cancellationToken)
    {
        await inner.PutAsync(report, cancellationToken);
        Puts++;
        if (crash)
        {
            throw new InjectedCrashException("crashed after the report was written");
        }
    }
}
