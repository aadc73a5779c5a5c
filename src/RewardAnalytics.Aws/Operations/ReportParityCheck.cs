using Amazon.S3;
using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Aws.Operations;

/// <summary>
/// Two sets of daily reports in one bucket compared day by day, field by field, by JSON content: the baseline (the old
/// job's reports) against the candidate (this service's), before a cutover.
/// </summary>
public sealed class ReportParityCheck
{
    private readonly S3ReportStore _baseline;
    private readonly S3ReportStore _candidate;

    /// <summary>The reports under <paramref name="baselinePrefix"/> against those under <paramref name="candidatePrefix"/>, in <paramref name="bucket"/>.</summary>
    /// <exception cref="ParityRequestException">Both prefixes are the same: a report set compared with itself proves nothing.</exception>
    public ReportParityCheck(IAmazonS3 s3, string bucket, string baselinePrefix, string candidatePrefix)
    {
        if (string.Equals(baselinePrefix, candidatePrefix, StringComparison.Ordinal))
        {
            throw new ParityRequestException(
                $"the baseline and the candidate report prefix are both '{baselinePrefix}': expected two different report sets");
        }

        _baseline = new S3ReportStore(s3, bucket, baselinePrefix);
        _candidate = new S3ReportStore(s3, bucket, candidatePrefix);
    }

    /// <summary>Where the baseline reports are: <c>s3://bucket/prefix</c>.</summary>
    public string BaselineUri => $"s3://{_baseline.Bucket}/{_baseline.Prefix}";

    /// <summary>Where the candidate reports are: <c>s3://bucket/prefix</c>.</summary>
    public string CandidateUri => $"s3://{_candidate.Bucket}/{_candidate.Prefix}";

    /// <summary>Each day of <paramref name="days"/> compared: both reports' presence and every differing field.</summary>
    /// <exception cref="AmazonS3Exception">The bucket does not exist (<see cref="S3ReportStore.NoSuchBucket"/>) or S3 failed.</exception>
    public async Task<IReadOnlyList<ReportParity>> RunAsync(DateInterval days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var results = new List<ReportParity>();
        foreach (var day in days)
        {
            var bodies = await Task.WhenAll(_baseline.GetAsync(day, cancellationToken), _candidate.GetAsync(day, cancellationToken)).ConfigureAwait(false);
            results.Add(ReportParity.Compare(day, bodies[0]?.Body, bodies[1]?.Body));
        }

        return results;
    }
}
