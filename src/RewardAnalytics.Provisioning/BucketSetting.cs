namespace RewardAnalytics.Provisioning;

/// <summary>A setting the stack applies to each of its buckets, created or adopted (one Pulumi resource each).</summary>
public enum BucketSetting
{
    /// <summary>All four public-access blocks on.</summary>
    PublicAccessBlock,
    /// <summary>SSE-S3 default encryption (<see cref="DataStores.BucketEncryptionAlgorithm"/>).</summary>
    ServerSideEncryption,
    /// <summary>Versioning enabled (<see cref="DataStores.VersioningEnabled"/>).</summary>
    Versioning,
    /// <summary>A bucket policy denying every request not made over TLS.</summary>
    TlsOnlyPolicy,
}
