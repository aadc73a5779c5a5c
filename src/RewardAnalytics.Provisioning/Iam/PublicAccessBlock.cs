namespace RewardAnalytics.Provisioning.Iam;

/// <summary>The S3 public access block of both buckets: every one of the four switches on.</summary>
public sealed record PublicAccessBlock
{
    /// <summary>Every public access setting on: no ACL or bucket policy can make the bucket public.</summary>
    public static PublicAccessBlock FullyBlocked { get; } = new();

    /// <summary>Refuse requests that set a public ACL.</summary>
    public bool BlockPublicAcls { get; init; } = true;
    /// <summary>Refuse bucket policies that grant public access.</summary>
    public bool BlockPublicPolicy { get; init; } = true;
    /// <summary>Ignore any public ACL already present.</summary>
    public bool IgnorePublicAcls { get; init; } = true;
    /// <summary>Limit a public bucket policy to AWS services and the bucket owner's account.</summary>
    public bool RestrictPublicBuckets { get; init; } = true;

    /// <summary>True when all four settings are on.</summary>
    public bool IsFullyBlocked => BlockPublicAcls && BlockPublicPolicy && IgnorePublicAcls && RestrictPublicBuckets;
}
