using RewardAnalytics.Provisioning.Iam;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning;

/// <summary>
/// How the stack declares its analytics bucket: created, or — with <c>adoptAnalyticsBucket</c> — taken over by name
/// from the job it replaces (Pulumi's <c>ImportId</c>), keeping every object. Either way the same settings are applied
/// to it afterwards (<see cref="Settings"/>): an adopted bucket ends up exactly as private as a created one. An adopted
/// bucket's settings are never undone by the stack: <c>pulumi destroy</c> deletes a bucket's dependents before it reaches
/// the protected bucket, so each setting carries <c>retainOnDelete</c> too (and the public access block the provider's own
/// <c>skipDestroy</c>), and its policy keeps the statements the bucket had.
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

    /// <summary>
    /// Pulumi <c>retainOnDelete</c> on every setting's resource: leaving the stack (or <c>pulumi destroy</c>) forgets the
    /// setting instead of undoing it — no public access block removed, no encryption reset, no versioning suspended, no
    /// policy deleted. True when adopting; a created bucket's settings go with the bucket.
    /// </summary>
    public bool SettingsRetainOnDelete { get; init; }

    /// <summary>The public access block's own <c>skipDestroy</c> (the provider's, beside Pulumi's <c>retainOnDelete</c>); true when adopting.</summary>
    public bool PublicAccessBlockSkipDestroy { get; init; }

    /// <summary>The statements the adopted bucket's policy keeps beside the TLS-only deny (none for a created bucket).</summary>
    internal ExistingBucketPolicy KeptPolicy { get; init; } = ExistingBucketPolicy.None;

    /// <summary>What the stack applies to the bucket once it exists (created or adopted): the same list both ways.</summary>
    public IReadOnlyList<BucketSetting> Settings { get; init; } = AllSettings;

    /// <summary>Every setting the stack's buckets get, in the order the program declares them.</summary>
    public static IReadOnlyList<BucketSetting> AllSettings { get; } =
        [BucketSetting.PublicAccessBlock, BucketSetting.ServerSideEncryption, BucketSetting.Versioning, BucketSetting.TlsOnlyPolicy];

    /// <summary>The plan of a bucket the stack creates under a generated name (the failed-batches bucket): nothing retained, TLS-only policy.</summary>
    public static AnalyticsBucketPlan Created { get; } = new();

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
            SettingsRetainOnDelete = adopt,
            PublicAccessBlockSkipDestroy = adopt,
            KeptPolicy = adopt ? settings.AnalyticsBucketPolicyStatements : ExistingBucketPolicy.None,
        };
    }

    /// <summary>True when the resource of <paramref name="setting"/> is forgotten rather than deleted when it leaves the stack.</summary>
    public bool RetainsOnDelete(BucketSetting setting) =>
        AllSettings.Contains(setting) ? SettingsRetainOnDelete : throw new ArgumentOutOfRangeException(nameof(setting), setting, "not a bucket setting");

    /// <summary>The bucket's policy document once the stack applies it: the kept statements, then the TLS-only deny.</summary>
    public string Policy(string bucketArn) => KeptPolicy.MergedWithTlsOnly(bucketArn);

    /// <summary>
    /// What <c>pulumi preview</c>/<c>up</c> prints when adopting: what happens to the bucket, and what happens when it
    /// does not exist (the import step fails and nothing is changed). Null when the stack creates its bucket.
    /// </summary>
    public string? Notice => Adopts
        ? $"Adopting the existing S3 bucket '{BucketName}' (import id '{ImportId}'): every object in it is kept, then the stack applies " +
          "its public access block, SSE-S3 default encryption, versioning and bucket policy. The bucket policy becomes " +
          PolicySummary + $": {Policy($"arn:aws:s3:::{BucketName}")}" +
          ". Each of these settings is retained on delete: pulumi destroy or removing the bucket from the stack leaves them in place. " +
          $"If no bucket '{BucketName}' exists in this account and region, pulumi preview and pulumi up stop at the import with " +
          $"\"resource '{ImportId}' does not exist\" and change nothing: correct analyticsBucketName, or set adoptAnalyticsBucket to false " +
          "to let the stack create the bucket."
        : null;

    private string PolicySummary => KeptPolicy.Statements.Count == 0
        ? $"the TLS-only deny ({Policies.DenyInsecureTransportSid}) alone: analyticsBucketPolicyStatements keeps no statement, so any policy " +
          "the bucket has now is replaced"
        : $"its {KeptPolicy.Statements.Count} existing statement(s) from analyticsBucketPolicyStatements ({string.Join(", ", KeptPolicy.Sids)}), " +
          $"unchanged, plus the TLS-only deny ({Policies.DenyInsecureTransportSid})";

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
