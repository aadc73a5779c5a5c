using System.Text;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.StreamEvents;
using RewardAnalytics.StreamEvents.Writer;

namespace RewardAnalytics.Local.Tests.StreamEvents;

/// <summary>
/// The local stream writes its records through the one event writer Core's tests use: an item of the SDK's values
/// gives the same event bytes and the same <c>SizeBytes</c> as the same item built without the SDK.
/// </summary>
public sealed class StreamRecordTests
{
    private static readonly DateTimeOffset At = new(2023, 11, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_record_of_every_attribute_type_is_written_as_the_same_event_with_or_without_the_SDK()
    {
        var sdk = new StreamRecord("ev-1", StreamRecord.Modify, "100000000000000000001", SdkKey(), SdkItem(), SdkItem(), At);
        var plain = new StreamEventRecord("ev-1", StreamEventRecord.Modify, "100000000000000000001", PlainKey(), PlainItem(), PlainItem(), At);

        var fromSdk = StreamRecord.WriteEvent("shardId-1", [sdk], At, At.AddMinutes(5));
        var fromPlain = StreamEventWriter.Write("shardId-1", [plain], At, At.AddMinutes(5));

        Assert.Equal(Encoding.UTF8.GetString(fromPlain), Encoding.UTF8.GetString(fromSdk));
        Assert.Equal(plain.SizeBytes, sdk.SizeBytes);
        Assert.Contains($"\"SizeBytes\":{plain.SizeBytes},", Encoding.UTF8.GetString(fromSdk), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_sets_count_as_not_set_as_they_do_in_DynamoDB()
    {
        var value = DynamoValues.From(new AttributeValue { SS = [], NS = [], BS = [] });

        Assert.Null(value.SS);
        Assert.Null(value.NS);
        Assert.Null(value.BS);
        Assert.Equal(1, DynamoItemSize.Of(value));
    }

    private static Dictionary<string, AttributeValue> SdkKey() => new() { ["rewardId"] = new AttributeValue { S = "r1" } };

    private static Dictionary<string, DynamoValue> PlainKey() => new() { ["rewardId"] = new DynamoValue { S = "r1" } };

    private static Dictionary<string, AttributeValue> SdkItem() => new()
    {
        ["rewardId"] = new AttributeValue { S = "r1" },
        ["amount"] = new AttributeValue { N = "12.50" },
        ["blob"] = new AttributeValue { B = new MemoryStream([1, 2, 3]) },
        ["tags"] = new AttributeValue { SS = ["a", "b"] },
        ["scores"] = new AttributeValue { NS = ["1", "2.5"] },
        ["blobs"] = new AttributeValue { BS = [new MemoryStream([4]), new MemoryStream([5, 6])] },
        ["active"] = new AttributeValue { BOOL = true },
        ["nothing"] = new AttributeValue { NULL = true },
        ["list"] = new AttributeValue { L = [new AttributeValue { S = "x" }, new AttributeValue { N = "7" }] },
        ["map"] = new AttributeValue { M = new() { ["inner"] = new AttributeValue { BOOL = false } } },
    };

    private static Dictionary<string, DynamoValue> PlainItem() => new()
    {
        ["rewardId"] = new DynamoValue { S = "r1" },
        ["amount"] = new DynamoValue { N = "12.50" },
        ["blob"] = new DynamoValue { B = new byte[] { 1, 2, 3 } },
        ["tags"] = new DynamoValue { SS = ["a", "b"] },
        ["scores"] = new DynamoValue { NS = ["1", "2.5"] },
        ["blobs"] = new DynamoValue { BS = [new byte[] { 4 }, new byte[] { 5, 6 }] },
        ["active"] = new DynamoValue { BOOL = true },
        ["nothing"] = new DynamoValue { NULL = true },
        ["list"] = new DynamoValue { L = [new DynamoValue { S = "x" }, new DynamoValue { N = "7" }] },
        ["map"] = new DynamoValue { M = new Dictionary<string, DynamoValue> { ["inner"] = new DynamoValue { BOOL = false } } },
    };
}
