using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Aws;

/// <summary>
/// The daily reports in S3: <c>s3://bucket/&lt;prefix&gt;YYYY-MM-DD.json</c>, the exact report body, JSON content
/// type, revision metadata, SSE-S3 requested.
/// </summary>
public sealed class S3ReportStore : IReportStore
{
    private readonly IAmazonS3 _s3;

    /// <summary>
    /// The reports under <paramref name="prefix"/> in <paramref name="bucket"/>: the finalizer's (its
    /// <see cref="FinalizerSettings.AnalyticsBucket"/> and <see cref="FinalizerSettings.ReportPrefix"/>), or either side
    /// of a parity check.
    /// </summary>
    public S3ReportStore(IAmazonS3 s3, string bucket, string prefix)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        _s3 = s3;
        Bucket = bucket;
        Prefix = prefix;
    }

    /// <summary>The bucket reports are written to.</summary>
    public string Bucket { get; }

    /// <summary>The key prefix of the reports: empty, or ending in <c>/</c>.</summary>
    public string Prefix { get; }

    /// <summary>The object key of a day's report: the prefix plus <c>YYYY-MM-DD.json</c>.</summary>
    public string KeyOf(LocalDate day) => Prefix + IsoDate.Format(day) + ".json";

    /// <summary><inheritdoc/></summary>
    public async Task PutAsync(PublishedReport report, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(report.Report.ToUtf8(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = KeyOf(report.Report.Date),
            InputStream = body,
            ContentType = PublishedReport.ContentType,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
            // Sent as a plain body: an aws-chunked upload is stored with its framing by s3rver (pinned by a test that reads
            // the object back), and a report is a few hundred bytes, so nothing is lost on real S3.
            UseChunkEncoding = false,
            AutoCloseStream = false,
        };
        foreach (var (name, value) in report.Metadata)
        {
            request.Metadata.Add(name, value);
        }

        await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The error code S3 answers with when the bucket itself does not exist.</summary>
    public const string NoSuchBucket = "NoSuchBucket";

    /// <summary>The error code S3 answers with when the bucket exists but the key does not.</summary>
    public const string NoSuchKey = "NoSuchKey";

    /// <summary>The stored report of a day with its metadata, or null when there is none.</summary>
    /// <exception cref="AmazonS3Exception">The bucket does not exist (<see cref="NoSuchBucket"/>), S3 failed, or the endpoint is not S3.</exception>
    public async Task<StoredReport?> GetAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var key = KeyOf(day);
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var metadata = response.Metadata.Keys
                .Select(k => (Name: k.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? k["x-amz-meta-".Length..] : k, Value: response.Metadata[k]))
                .OrderBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => new KeyValuePair<string, string>(m.Name, m.Value))
                .ToArray();
            return new StoredReport(Bucket, key, buffer.ToArray(), response.Headers.ContentType, response.ServerSideEncryptionMethod?.Value, metadata);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode == NoSuchKey)
        {
            // No such key: the day has no report. A missing bucket is a configuration error, never "no report"; so is a
            // 404 without S3's error code (an endpoint that is not S3).
            return null;
        }
    }
}
