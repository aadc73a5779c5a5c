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
    /// <summary>The value of user metadata entry <paramref name="name"/>, or null when the object has none.</summary>
    public string? MetadataValue(string name) => Metadata.FirstOrDefault(m => m.Key == name).Value;
}
