namespace RewardAnalytics.Core.Finalization;

/// <summary>Where the daily reports live (S3 in production; the object is overwritten by each revision).</summary>
public interface IReportStore
{
    Task PutAsync(PublishedReport report, CancellationToken cancellationToken);
}
