using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Workload;

/// <summary>
/// Reward items the aggregator cannot read, one per way of being wrong, each with the skip reason the aggregator
/// logs for it. The workload writes a few to the table; the fault plan uses them as poison records.
/// </summary>
public static class MalformedRewards
{
    private static readonly (string Reason, Action<Dictionary<string, AttributeValue>> Spoil)[] Shapes =
    [
        ("type_unknown", item => item["type"] = new AttributeValue { S = "BONUS" }),
        ("amount_not_number", item => item["amount"] = new AttributeValue { S = "12.50" }),
        ("amount_negative", item => item["amount"] = new AttributeValue { N = "-5" }),
        ("created_at_invalid", item => item["createdAt"] = new AttributeValue { S = "yesterday" }),
        ("amount_missing", item => item.Remove("amount")),
        ("amount_too_precise", item => item["amount"] = new AttributeValue { N = "1.00000000000000000000000000001" }),
        ("type_not_string", item => item["type"] = new AttributeValue { N = "1" }),
        ("created_at_wrong_type", item => item["createdAt"] = new AttributeValue { BOOL = true }),
        ("created_at_out_of_range", item => item["createdAt"] = new AttributeValue { S = "2150-01-01T00:00:00Z" }),
        ("type_missing", item => item.Remove("type")),
    ];

    /// <summary>Number of distinct malformed shapes.</summary>
    public static int Count => Shapes.Length;

    /// <summary>The skip reason the aggregator reports for shape <paramref name="shape"/>.</summary>
    public static string ReasonOf(int shape) => Shapes[shape % Shapes.Length].Reason;

    /// <summary>A reward item of malformed shape <paramref name="shape"/> (taken modulo <see cref="Count"/>).</summary>
    public static Dictionary<string, AttributeValue> Create(int shape, string rewardId, DateTimeOffset createdAt)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["rewardId"] = new() { S = rewardId },
            ["type"] = new() { S = "ISSUED" },
            ["amount"] = new() { N = "10" },
            ["createdAt"] = new() { S = createdAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) },
        };
        Shapes[shape % Shapes.Length].Spoil(item);
        return item;
    }
}
