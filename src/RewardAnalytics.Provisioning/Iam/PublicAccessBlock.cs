namespace RewardAnalytics.Provisioning.Iam;

/// <summary>The S3 public access block of both buckets: every one of the four switches on.</summary>
public sealed record PublicAccessBlock
{
    public static PublicAccessBlock FullyBlocked { get; } = new();

    public bool BlockPublicAcls { get; init; } = true;
    public bool BlockPublicPolicy { get; init; } = true;
    public bool IgnorePublicAcls { get; init; } = true;
    public bool RestrictPublicBuckets { get; init; } = true;

    public bool IsFullyBlocked => BlockPublicAcls && BlockPublicPolicy && IgnorePublicAcls && RestrictPublicBuckets;
}
