using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Aws;

/// <summary>
/// Reads reward items as the SDK returns them (a scan of the rewards table, the local world's items) with the one rule
/// the stream uses (<see cref="RewardImageRules"/>): the one item-to-reward reader of the project.
/// </summary>
public static class RewardItems
{
    /// <summary>The contribution of one reward item, by the same rules the stream applies to its images.</summary>
    public static RewardImage Evaluate(IReadOnlyDictionary<string, AttributeValue> item, RewardImageSchema schema)
    {
        var (typeKind, type) = Read(item, schema.TypeAttribute);
        var (amountKind, amount) = Read(item, schema.AmountAttribute);
        var (createdKind, created) = Read(item, schema.CreatedAtAttribute);
        return RewardImageRules.Evaluate(typeKind, type, amountKind, amount, createdKind, created);
    }

    /// <summary>Adds whole items to a ground-truth tally (the same tally a full scan of the table fills).</summary>
    public static GroundTruthTally Tally(this GroundTruthTally tally, IEnumerable<IReadOnlyDictionary<string, AttributeValue>> items, RewardImageSchema schema)
    {
        foreach (var item in items)
        {
            tally.Add(item, schema);
        }

        return tally;
    }

    /// <summary>Adds one item to a ground-truth tally.</summary>
    public static void Add(this GroundTruthTally tally, IReadOnlyDictionary<string, AttributeValue> item, RewardImageSchema schema)
    {
        var (typeKind, type) = Read(item, schema.TypeAttribute);
        var (amountKind, amount) = Read(item, schema.AmountAttribute);
        var (createdKind, created) = Read(item, schema.CreatedAtAttribute);
        tally.Add(typeKind, type, amountKind, amount, createdKind, created);
    }

    private static (AttributeKind Kind, string? Text) Read(IReadOnlyDictionary<string, AttributeValue> item, string name)
    {
        if (!item.TryGetValue(name, out var value))
        {
            return (AttributeKind.Missing, null);
        }

        return value.S is { } s ? (AttributeKind.S, s) : value.N is { } n ? (AttributeKind.N, n) : (AttributeKind.Other, null);
    }
}
