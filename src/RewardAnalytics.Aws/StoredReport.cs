namespace RewardAnalytics.Aws;

/// <summary>A report object as S3 returns it: the body bytes, content type, encryption and user metadata.</summary>
public sealed record StoredReport(
    string Bucket,
    string Key,
    byte[] Body,
    string? ContentType,
    string? ServerSideEncryption,
    IReadOnlyList<KeyValuePair<string, string>> Metadata)
{
    public string? MetadataValue(string name) => Metadata.FirstOrDefault(m => m.Key == name).Value;
}
