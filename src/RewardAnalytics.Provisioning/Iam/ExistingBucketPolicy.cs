using System.Text.Json;
using System.Text.Json.Nodes;

namespace RewardAnalytics.Provisioning.Iam;

/// <summary>
/// The statements an adopted bucket's policy already has (<c>analyticsBucketPolicyStatements</c>), kept as they are and
/// merged with the stack's TLS-only deny: a bucket policy is one document, so writing the deny alone would drop every
/// grant the bucket had (the old job's readers) at the shadow deploy.
/// </summary>
internal sealed record ExistingBucketPolicy
{
    /// <summary>The setting's value for a bucket that has no policy (<c>get-bucket-policy</c> answers NoSuchBucketPolicy).</summary>
    public const string NoStatements = "[]";

    /// <summary>Written as IAM reads it and as a person reads the preview notice: no \uXXXX for '+', '&amp;' or non-ASCII.</summary>
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ExistingBucketPolicy(IReadOnlyList<JsonElement> statements) => Statements = statements;

    /// <summary>No statements: the merged policy is the TLS-only deny alone.</summary>
    public static ExistingBucketPolicy None { get; } = new([]);

    /// <summary>The kept statements, exactly as they were given.</summary>
    public IReadOnlyList<JsonElement> Statements { get; }

    /// <summary>The kept statements' Sids (an unnamed statement shows as <c>(no Sid)</c>), for the preview notice.</summary>
    public IReadOnlyList<string> Sids => Statements
        .Select(s => s.TryGetProperty("Sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString()! : "(no Sid)")
        .ToList();

    /// <summary>
    /// Reads the setting: the policy document <c>aws s3api get-bucket-policy --query Policy --output text</c> prints
    /// (an object with <c>Statement</c>), or a JSON array of statements; <c>[]</c> for a bucket with no policy. Returns
    /// null and sets <paramref name="problem"/> (what follows the key in the error) when it is neither.
    /// </summary>
    public static ExistingBucketPolicy? Parse(string json, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        problem = null;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            problem = $"is not JSON ({ex.Message}): expected the bucket's policy as `aws s3api get-bucket-policy --bucket <name> --query Policy --output text` " +
                      $"prints it, or a JSON array of its statements, or {NoStatements} when the bucket has no policy";
            return null;
        }

        var statements = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("Statement", out var inner) => inner,
            _ => default,
        };
        if (statements.ValueKind == JsonValueKind.Object)
        {
            using var single = JsonDocument.Parse("[" + statements.GetRawText() + "]");
            statements = single.RootElement.Clone();
        }

        if (statements.ValueKind != JsonValueKind.Array)
        {
            problem = "is neither a policy document with a Statement nor a JSON array of statements: expected the output of " +
                      $"`aws s3api get-bucket-policy --bucket <name> --query Policy --output text`, or {NoStatements} when the bucket has no policy";
            return null;
        }

        var kept = new List<JsonElement>();
        foreach (var statement in statements.EnumerateArray())
        {
            if (statement.ValueKind != JsonValueKind.Object || !statement.TryGetProperty("Effect", out _))
            {
                problem = $"has a statement that is not an object with an Effect ({Shorten(statement.GetRawText())}): expected IAM policy statements";
                return null;
            }

            if (statement.TryGetProperty("Sid", out var sid) && sid.ValueKind == JsonValueKind.String &&
                sid.GetString() == Policies.DenyInsecureTransportSid)
            {
                problem = $"has a statement with Sid '{Policies.DenyInsecureTransportSid}', the Sid of the TLS-only deny the stack adds itself: " +
                          "remove that statement from the setting (the stack's deny replaces it)";
                return null;
            }

            kept.Add(statement.Clone());
        }

        return new ExistingBucketPolicy(kept);
    }

    /// <summary>The bucket's policy: the kept statements first, unchanged, then the stack's TLS-only deny on <paramref name="bucketArn"/>.</summary>
    public string MergedWithTlsOnly(string bucketArn)
    {
        var tls = JsonNode.Parse(Policies.TlsOnlyBucket(bucketArn).ToJson())!.AsObject();
        var merged = new JsonArray();
        foreach (var statement in Statements)
        {
            merged.Add(JsonNode.Parse(statement.GetRawText()));
        }

        foreach (var statement in tls["Statement"]!.AsArray().ToList())
        {
            merged.Add(statement!.DeepClone());
        }

        return new JsonObject { ["Version"] = tls["Version"]!.DeepClone(), ["Statement"] = merged }.ToJsonString(Output);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
