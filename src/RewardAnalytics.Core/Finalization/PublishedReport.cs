using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Finalization;

/// <summary>One revision of a day's S3 report: the exact body, plus the object metadata that says which revision it is.</summary>
public sealed record PublishedReport(DailyReport Report, int Revision, Instant FinalizedAt)
{
    /// <summary>The report object's content type.</summary>
    public const string ContentType = "application/json";
    /// <summary>Metadata key: the report's revision (1, 2, …).</summary>
    public const string RevisionMetadata = "revision";
    /// <summary>Metadata key: when the revision was finalized (ISO-8601 instant).</summary>
    public const string FinalizedAtMetadata = "finalized-at";
    /// <summary>Metadata key: where the figures came from.</summary>
    public const string SourceMetadata = "source";
    /// <summary>Value of <see cref="SourceMetadata"/>: the aggregates table the stream keeps.</summary>
    public const string Source = "stream-aggregates";

    /// <summary>The user metadata of the object (names without the <c>x-amz-meta-</c> prefix).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata =>
    [
        new(RevisionMetadata, Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(FinalizedAtMetadata, NodaTime.Text.InstantPattern.ExtendedIso.Format(FinalizedAt)),
        new(SourceMetadata, Source),
    ];
}
