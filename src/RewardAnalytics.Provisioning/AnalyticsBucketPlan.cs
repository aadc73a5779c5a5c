using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning;

/// <summary>
/// How the stack declares its analytics bucket: created, or — with <c>adoptAnalyticsBucket</c> — taken over by name
/// from the job it replaces (Pulumi's <c>ImportId</c>), keeping every object. Either way the same settings are applied
/// to it afterwards (<see cref="Settings"/>): an adopted bucket ends up exactly as private as a created one.
/// </summary>
public sealed record AnalyticsBucketPlan
{
    /// <summary>The bucket's physical name; null lets Pulumi generate one (never when adopting).</summary>
    public string? BucketName { get; init; }

    /// <summary>The Pulumi import id of the existing bucket (an S3 bucket's import id is its name); null creates the bucket.</summary>
    public string? ImportId { get; init; }

    /// <summary>Pulumi <c>protect</c>: <c>pulumi destroy</c> refuses to delete the bucket.</summary>
    public bool Protect { get; init; }

    /// <summary>Pulumi <c>retainOnDelete</c>: should the bucket ever leave the stack, it is forgotten, not deleted.</summary>
    public bool RetainOnDelete { get; init; }

    /// <summary>What the stack applies to the bucket once it exists (created or adopted): the same list both ways.</summary>
    public IReadOnlyList<BucketSetting> Settings { get; init; } = AllSettings;

    /// <summary>Every setting the stack's buckets get, in the order the program declares them.</summary>
    public static IReadOnlyList<BucketSetting> AllSettings { get; } =
        [BucketSetting.PublicAccessBlock, BucketSetting.ServerSideEncryption, BucketSetting.Versioning, BucketSetting.TlsOnlyPolicy];

    /// <summary>True when the plan takes over an existing bucket.</summary>
    public bool Adopts => ImportId is not null;

    /// <summary>The plan of <paramref name="settings"/>' analytics bucket.</summary>
    public static AnalyticsBucketPlan For(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var adopt = settings.AdoptAnalyticsBucket && settings.AnalyticsBucketName is not null;
        return new AnalyticsBucketPlan
        {
            BucketName = settings.AnalyticsBucketName,
            ImportId = adopt ? settings.AnalyticsBucketName : null,
            // The old job's history is in an adopted bucket: never let a stack operation delete it.
            Protect = settings.DeletionProtection || adopt,
            RetainOnDelete = adopt,
        };
    }

    /// <summary>
    /// What <c>pulumi preview</c>/<c>up</c> prints when adopting: what happens to the bucket, and what happens when it
    /// does not exist (the import step fails and nothing is changed). Null when the stack creates its bucket.
    /// </summary>
    public string? Notice => Adopts
        ? $"Adopting the existing S3 bucket '{BucketName}' (import id '{ImportId}'): every object in it is kept, then the stack applies " +
          "its public access block, SSE-S3 default encryption, versioning and TLS-only bucket policy (which replaces any bucket policy it had). " +
          $"If no bucket '{BucketName}' exists in this account and region, pulumi preview and pulumi up stop at the import with " +
          $"\"resource '{ImportId}' does not exist\" and change nothing: correct analyticsBucketName, or set adoptAnalyticsBucket to false " +
          "to let the stack create the bucket."
        : null;

    /// <summary>The problem recorded when adopting is asked for without a bucket name (<paramref name="bucketNameKey"/> is the qualified key).</summary>
    public static string UnnamedBucketProblem(string bucketNameKey) =>
        $"is true but {bucketNameKey} is not set: expected the name of the existing bucket to adopt, such as 'loyalty-platform-analytics' " +
        "(without a name there is nothing to import; set adoptAnalyticsBucket to false to let the stack create a bucket)";

    /// <summary>The Pulumi logical name of <paramref name="setting"/>'s resource on the bucket <paramref name="bucketLogicalName"/>.</summary>
    public static string SettingResourceName(string bucketLogicalName, BucketSetting setting) => setting switch
    {
        BucketSetting.PublicAccessBlock => $"{bucketLogicalName}-public-access",
        BucketSetting.ServerSideEncryption => $"{bucketLogicalName}-encryption",
        BucketSetting.Versioning => $"{bucketLogicalName}-versioning",
        BucketSetting.TlsOnlyPolicy => $"{bucketLogicalName}-tls-only",
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "not a bucket setting"),
    };
}
