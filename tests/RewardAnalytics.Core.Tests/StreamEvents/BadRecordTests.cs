using NodaTime;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.StreamEvents.Writer;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>Unreadable records are skipped with a named reason; the valid records of the same batch still count.</summary>
public sealed class BadRecordTests(ITestOutputHelper output)
{
    private static readonly LocalDate Nov15 = new(2023, 11, 15);

    [Fact]
    public void Every_kind_of_bad_record_in_one_batch_is_skipped_with_its_reason_and_the_valid_records_still_count()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        Assert.Equal(new Dictionary<string, SkipReason>
        {
            ["amount-negative"] = SkipReason.AmountNegative,
            ["amount-nan"] = SkipReason.AmountInvalid,
            ["amount-1e400"] = SkipReason.AmountOutOfRange,
            ["amount-29-digits"] = SkipReason.AmountTooPrecise,
            ["amount-as-string"] = SkipReason.AmountNotNumber,
            ["amount-missing"] = SkipReason.AmountMissing,
            ["type-unknown"] = SkipReason.TypeUnknown,
            ["type-as-number"] = SkipReason.TypeNotString,
            ["type-missing"] = SkipReason.TypeMissing,
            ["created-at-missing"] = SkipReason.CreatedAtMissing,
            ["created-at-bool"] = SkipReason.CreatedAtWrongType,
            ["created-at-words"] = SkipReason.CreatedAtInvalid,
            ["created-at-feb-30"] = SkipReason.CreatedAtInvalid,
            ["created-at-1999"] = SkipReason.CreatedAtOutOfRange,
            ["created-at-2100"] = SkipReason.CreatedAtOutOfRange,
            ["insert-without-new-image"] = SkipReason.MissingNewImage,
            ["modify-without-old-image"] = SkipReason.MissingOldImage,
            ["unknown-event-name"] = SkipReason.UnknownEventName,
            ["duplicated-amount"] = SkipReason.DuplicateAttribute,
            ["malformed-record"] = SkipReason.RecordMalformed,
        }, SkipReasonsById(batch));
        Assert.Equal(22, batch.RecordCount);
        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(100m, 40.5m, 1, 1) }, Totals(batch));
        Figures.Print(output, $"bad-records fixture: {batch.RecordCount} records, {batch.Skipped.Count} skipped over {batch.Skipped.Select(s => s.Reason).Distinct().Count()} reasons, 2 counted");
    }

    [Fact]
    public void A_skipped_record_carries_its_eventID_event_name_sequence_number_and_keys_as_one_line_of_JSON()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        var skipped = batch.Skipped.Single(s => s.EventId == "unknown-event-name");

        Assert.Equal(
            new SkippedRecord("unknown-event-name", "UPSERT", "300000000000000000019", """{"rewardId":{"S":"r-b18"}}""", SkipReason.UnknownEventName),
            skipped);
    }

    [Fact]
    public void A_malformed_record_says_what_in_its_structure_could_not_be_read()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        var skipped = batch.Skipped.Single(s => s.EventId == "malformed-record");

        Assert.Equal(
            new SkippedRecord("malformed-record", "INSERT", "300000000000000000022", """{"rewardId":{"S":"r-b22"}}""", SkipReason.RecordMalformed)
            {
                Problem = "Records[21].dynamodb.NewImage is a JSON string: expected a DynamoDB item (an object of attribute values).",
            },
            skipped);
    }

    [Fact]
    public void Every_skip_reason_of_the_README_is_exercised_by_the_bad_records_fixture()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        Assert.Equal(SkipReasons.All.OrderBy(r => r), batch.Skipped.Select(s => s.Reason).Distinct().OrderBy(r => r));
    }

    [Fact]
    public void Skip_reasons_have_stable_snake_case_names_that_parse_back()
    {
        var names = SkipReasons.All.Select(r => r.Name()).ToArray();

        Assert.Equal(
            [
                "missing_new_image", "missing_old_image", "unknown_event_name", "duplicate_attribute", "type_missing", "type_not_string",
                "type_unknown", "amount_missing", "amount_not_number", "amount_invalid", "amount_negative", "amount_out_of_range",
                "amount_too_precise", "created_at_missing", "created_at_wrong_type", "created_at_invalid", "created_at_out_of_range",
                "record_malformed",
            ],
            names);
        Assert.All(SkipReasons.All, r => Assert.True(SkipReasons.TryParse(r.Name(), out var back) && back == r));
        Assert.False(SkipReasons.TryParse("none", out _));
    }

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

    [Fact]
    public void A_skipped_insert_counts_nothing_so_its_later_remove_subtracts_nothing()
    {
        var negative = Item("r1", "ISSUED", "-5", "2023-11-15T08:00:00Z");

        using var batch = Read(Insert(1, negative), Remove(2, negative), Insert(3, Item("r2", "ISSUED", "5", "2023-11-15T08:00:00Z")));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(5m, 0m, 1, 0) }, Totals(batch));
        Assert.Equal([(Sequence(1), SkipReason.AmountNegative)], batch.Skipped.Select(s => (s.SequenceNumber, s.Reason)));
    }

    [Fact]
    public void A_remove_without_an_old_image_is_skipped_as_missing_its_old_image()
    {
        using var batch = Read(new StreamEventRecord("ev-1", "REMOVE", Sequence(1), Key("r1"), null, null, default));

        Assert.Equal([SkipReason.MissingOldImage], batch.Skipped.Select(s => s.Reason));
    }

    private static Dictionary<string, DynamoValue> With(string id, string attribute, DynamoValue value) =>
        new(Item(id, "ISSUED", "1", "2023-11-15T08:00:00Z")) { [attribute] = value };
}
