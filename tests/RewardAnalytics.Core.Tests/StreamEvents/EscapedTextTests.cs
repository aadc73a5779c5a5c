using NodaTime;
using static RewardAnalytics.Core.Tests.EventReading;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>JSON escapes in names and values mean the same text as the plain characters (the parser reads most text in place).</summary>
public sealed class EscapedTextTests
{
    private static byte[] Event(string image) => System.Text.Encoding.UTF8.GetBytes($$"""
        { "Records": [ { "eventID": "e1", "eventName": "INSERT", "dynamodb": { "Keys": { "rewardId": { "S": "r1" } },
          "NewImage": {{image}}, "SequenceNumber": "100" } } ], "shardId": "shardId-1" }
        """);

    [Fact]
    public void Escaped_attribute_names_descriptors_and_values_are_read_as_their_plain_text()
    {
        using var batch = Read(Event("""
            { "\u0074ype": { "\u0053": "\u0049SSUED" }, "am\u006Funt": { "N": "12.5\u0030" }, "createdAt": { "S": "2023-11-15T10:30:00\u005A" } }
            """));

        Assert.Empty(batch.Skipped);
        var day = Assert.Single(batch.Days);
        Assert.Equal(new LocalDate(2023, 11, 15), day.Day);
        Assert.Equal(new DailyTotals(12.5m, 0m, 1, 0), day.Delta);
    }

    [Fact]
    public void An_escaped_name_that_repeats_a_plain_one_is_a_duplicate_attribute()
    {
        using var batch = Read(Event("""
            { "type": { "S": "ISSUED" }, "\u0074ype": { "S": "REDEEMED" }, "amount": { "N": "1" }, "createdAt": { "S": "2023-11-15T10:30:00Z" } }
            """));

        Assert.Equal(Core.StreamEvents.SkipReason.DuplicateAttribute, Assert.Single(batch.Skipped).Reason);
    }
}
