namespace RewardAnalytics.Provisioning.Iam;

/// <summary>One statement of a <see cref="PolicyDocument"/>.</summary>
public sealed record PolicyStatement
{
    public const string Allow = "Allow";
    public const string Deny = "Deny";

    public required string Sid { get; init; }
    public string Effect { get; init; } = Allow;

    /// <summary>Set in resource and trust policies only, e.g. <c>{"Service": "lambda.amazonaws.com"}</c>.</summary>
    public IReadOnlyDictionary<string, string>? Principal { get; init; }

    public required IReadOnlyList<string> Action { get; init; }

    /// <summary>Null only in a trust policy, which has no Resource element.</summary>
    public IReadOnlyList<string>? Resource { get; init; }

    /// <summary>Operator → condition key → value, e.g. <c>Bool → aws:SecureTransport → "false"</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Condition { get; init; }
}
