using System.Text;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>The attribute names a reward item uses (configurable; defaults <c>type</c>, <c>amount</c>, <c>createdAt</c>).</summary>
public sealed class RewardImageSchema
{
    /// <summary>The default name of the type attribute (ISSUED or REDEEMED).</summary>
    public const string DefaultTypeAttribute = "type";
    /// <summary>The default name of the amount attribute.</summary>
    public const string DefaultAmountAttribute = "amount";
    /// <summary>The default name of the creation time attribute.</summary>
    public const string DefaultCreatedAtAttribute = "createdAt";

    /// <summary>A schema with the given attribute names (defaults where omitted).</summary>
    public RewardImageSchema(
        string typeAttribute = DefaultTypeAttribute,
        string amountAttribute = DefaultAmountAttribute,
        string createdAtAttribute = DefaultCreatedAtAttribute)
    {
        TypeAttribute = typeAttribute;
        AmountAttribute = amountAttribute;
        CreatedAtAttribute = createdAtAttribute;
        TypeUtf8 = Encoding.UTF8.GetBytes(typeAttribute);
        AmountUtf8 = Encoding.UTF8.GetBytes(amountAttribute);
        CreatedAtUtf8 = Encoding.UTF8.GetBytes(createdAtAttribute);
    }

    /// <summary>The default attribute names: <c>type</c>, <c>amount</c>, <c>createdAt</c>.</summary>
    public static RewardImageSchema Default { get; } = new();

    /// <summary>Name of the attribute holding ISSUED or REDEEMED.</summary>
    public string TypeAttribute { get; }
    /// <summary>Name of the attribute holding the amount (a DynamoDB number, ≥ 0).</summary>
    public string AmountAttribute { get; }
    /// <summary>Name of the attribute holding the creation time (ISO-8601 text or epoch number).</summary>
    public string CreatedAtAttribute { get; }

    internal byte[] TypeUtf8 { get; }
    internal byte[] AmountUtf8 { get; }
    internal byte[] CreatedAtUtf8 { get; }
}
