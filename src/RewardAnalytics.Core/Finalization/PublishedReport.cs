using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Finalization;

/// <summary>One revision of a day's S3 report: the exact body, plus the object metadata that says which revision it is.</summary>
public sealed record PublishedReport(DailyReport Report, int Revision, Instant FinalizedAt)
{
    public const string ContentType = "application/json";
    public const string RevisionMetadata = "revision";
    public const string FinalizedAtMetadata = "finalized-at";
    public const string SourceMetadata = "source";
    public const string Source = "stream-aggregates";

    /// <summary>The user metadata of the object (names without the <c>x-amz-meta-</c> prefix).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata =>
    [
        new(RevisionMetadata, Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(FinalizedAtMetadata, NodaTime.Text.InstantPattern.ExtendedIso.Format(FinalizedAt)),
        new(SourceMetadata, Source),
    ];
}
