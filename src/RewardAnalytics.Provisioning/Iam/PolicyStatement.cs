namespace RewardAnalytics.Provisioning.Iam;

/// <summary>One statement of a <see cref="PolicyDocument"/>.</summary>
public sealed record PolicyStatement
{
    /// <summary>The statement grants its actions.</summary>
    public const string Allow = "Allow";
    /// <summary>The statement refuses its actions, whatever else grants them.</summary>
    public const string Deny = "Deny";

    /// <summary>The statement's id, unique in its document; says what it is for.</summary>
    public required string Sid { get; init; }
    /// <summary><see cref="Allow"/> or <see cref="Deny"/>.</summary>
    public string Effect { get; init; } = Allow;

    /// <summary>Set in resource and trust policies only, e.g. <c>{"Service": "lambda.amazonaws.com"}</c>.</summary>
    public IReadOnlyDictionary<string, string>? Principal { get; init; }

    /// <summary>The IAM actions the statement names, e.g. <c>dynamodb:UpdateItem</c>.</summary>
    public required IReadOnlyList<string> Action { get; init; }

    /// <summary>Null only in a trust policy, which has no Resource element.</summary>
    public IReadOnlyList<string>? Resource { get; init; }

    /// <summary>Operator → condition key → value, e.g. <c>Bool → aws:SecureTransport → "false"</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Condition { get; init; }
}
