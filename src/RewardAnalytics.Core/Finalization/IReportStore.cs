namespace RewardAnalytics.Core.Finalization;

/// <summary>Where the daily reports live (S3 in production; the object is overwritten by each revision).</summary>
public interface IReportStore
{
    /// <summary>Writes the report's exact body and revision metadata, replacing any earlier revision of the day.</summary>
    Task PutAsync(PublishedReport report, CancellationToken cancellationToken);
}
