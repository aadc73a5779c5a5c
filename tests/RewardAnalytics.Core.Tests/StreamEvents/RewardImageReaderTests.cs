using NodaTime;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.StreamEvents.Writer;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>
/// A reward image: bad attributes skip the record with a named reason, and JSON escapes mean the plain text.
/// </summary>
public sealed class RewardImageReaderTests
{
    private static readonly LocalDate Nov15 = new(2023, 11, 15);

    [Theory]
    [InlineData("-0.01", SkipReason.AmountNegative)]
    [InlineData("-1e400", SkipReason.AmountOutOfRange)]
    [InlineData("1E+400", SkipReason.AmountOutOfRange)]
    [InlineData("Infinity", SkipReason.AmountInvalid)]
    [InlineData("12,50", SkipReason.AmountInvalid)]
    [InlineData("1e-29", SkipReason.AmountTooPrecise)]
    [InlineData("12345678901234567890123456789", SkipReason.AmountTooPrecise)]
    [InlineData("1000000000000", SkipReason.AmountOutOfRange)]                  // 10^12: the first amount beyond AmountBounds
    [InlineData("1e12", SkipReason.AmountOutOfRange)]
    [InlineData("9999999999999999999999999999", SkipReason.AmountOutOfRange)]   // 28 digits: a handful overflowed a day's decimal
    [InlineData("0.0000001", SkipReason.AmountTooPrecise)]                      // 7 decimal places
    [InlineData("1.234567890123456789012345678", SkipReason.AmountTooPrecise)]  // 28 digits: three of them rounded silently
    [InlineData("0.0000000000000000000000000001", SkipReason.AmountTooPrecise)]
    public void A_bad_amount_is_skipped_with_its_reason(string amount, SkipReason reason)
    {
        using var batch = Read(Insert(1, Item("r1", "ISSUED", amount, "2023-11-15T08:00:00Z")), Insert(2, Item("r2", "ISSUED", "5", "2023-11-15T08:00:00Z")));

        Assert.Equal([reason], batch.Skipped.Select(s => s.Reason));
        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(5m, 0m, 1, 0) }, Totals(batch));
    }

    [Theory]
    [InlineData("2023-11-15", SkipReason.CreatedAtInvalid)]
    [InlineData("2023-11-15T25:00:00Z", SkipReason.CreatedAtInvalid)]
    [InlineData("2023-11-15T10:60:00Z", SkipReason.CreatedAtInvalid)]
    [InlineData("2023-13-01T10:00:00Z", SkipReason.CreatedAtInvalid)]
    [InlineData("2023-02-29T10:00:00Z", SkipReason.CreatedAtInvalid)]
    [InlineData("2023-11-15T10:00:00+25:00", SkipReason.CreatedAtInvalid)]
    [InlineData("2023-11-15T10:00:00Z junk", SkipReason.CreatedAtInvalid)]
    [InlineData("2023-11-15T10:00:00.1234567890Z", SkipReason.CreatedAtInvalid)]
    [InlineData("15/11/2023 10:00", SkipReason.CreatedAtInvalid)]
    [InlineData("", SkipReason.CreatedAtInvalid)]
    [InlineData("2100-01-01T00:00:00Z", SkipReason.CreatedAtOutOfRange)]
    [InlineData("2000-01-01T00:00:00+00:01", SkipReason.CreatedAtOutOfRange)]
    [InlineData("946684799", SkipReason.CreatedAtOutOfRange)]       // 1999-12-31T23:59:59Z in epoch seconds
    [InlineData("-1", SkipReason.CreatedAtOutOfRange)]
    [InlineData("99999999999999", SkipReason.CreatedAtOutOfRange)]
    public void A_bad_createdAt_string_is_skipped_with_its_reason(string createdAt, SkipReason reason)
    {
        using var batch = Read(Insert(1, Item("r1", "ISSUED", "1", createdAt)));

        Assert.Equal([reason], batch.Skipped.Select(s => s.Reason));
        Assert.Empty(batch.Days);
    }

    [Theory]
    [InlineData("2000-01-01T00:00:00Z", "2000-01-01")]
    [InlineData("2099-12-31T23:59:59.999999999Z", "2099-12-31")]
    [InlineData("2023-11-15 10:00:00Z", "2023-11-15")]
    [InlineData("2023-11-15t10:00z", "2023-11-15")]
    [InlineData("2023-11-15T10:00:00,5+0530", "2023-11-15")]
    [InlineData("2023-11-15T02:00:00+05", "2023-11-14")]
    [InlineData("946684800", "2000-01-01")]
    public void A_createdAt_at_the_edges_of_the_accepted_forms_is_read(string createdAt, string day)
    {
        using var batch = Read(Insert(1, Item("r1", "ISSUED", "1", createdAt)));

        Assert.Empty(batch.Skipped);
        Assert.Equal(day, Assert.Single(batch.Days).Day.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void Attribute_values_of_the_wrong_DynamoDB_type_are_named_as_such()
    {
        using var batch = Read(
            Insert(1, With("r1", "type", new DynamoValue { SS = ["ISSUED"] })),
            Insert(2, With("r2", "amount", new DynamoValue { NS = ["1"] })),
            Insert(3, With("r3", "amount", new DynamoValue { NULL = true })),
            Insert(4, With("r4", "createdAt", new DynamoValue { M = new Dictionary<string, DynamoValue> { ["S"] = new DynamoValue { S = "2023-11-15T08:00:00Z" } } })));

        Assert.Equal([SkipReason.TypeNotString, SkipReason.AmountNotNumber, SkipReason.AmountNotNumber, SkipReason.CreatedAtWrongType],
            batch.Skipped.Select(s => s.Reason));
    }

    private static Dictionary<string, DynamoValue> With(string id, string attribute, DynamoValue value) =>
        new(Item(id, "ISSUED", "1", "2023-11-15T08:00:00Z")) { [attribute] = value };

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
