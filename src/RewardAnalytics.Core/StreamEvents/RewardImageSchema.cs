using System.Text;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>The attribute names a reward item uses (configurable; defaults <c>type</c>, <c>amount</c>, <c>createdAt</c>).</summary>
public sealed class RewardImageSchema
{
    public const string DefaultTypeAttribute = "type";
    public const string DefaultAmountAttribute = "amount";
    public const string DefaultCreatedAtAttribute = "createdAt";

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

    public static RewardImageSchema Default { get; } = new();

    public string TypeAttribute { get; }
    public string AmountAttribute { get; }
    public string CreatedAtAttribute { get; }

    internal byte[] TypeUtf8 { get; }
    internal byte[] AmountUtf8 { get; }
    internal byte[] CreatedAtUtf8 { get; }
}
