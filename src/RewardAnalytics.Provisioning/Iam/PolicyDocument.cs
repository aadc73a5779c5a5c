using System.Text.Json;
using System.Text.Json.Serialization;

namespace RewardAnalytics.Provisioning.Iam;

/// <summary>An IAM policy document, built as objects and serialized with System.Text.Json (never hand-escaped JSON).</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statement)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The IAM policy language version.</summary>
    public string Version { get; init; } = "2012-10-17";

    /// <summary>The document as IAM reads it (property names as IAM spells them).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
