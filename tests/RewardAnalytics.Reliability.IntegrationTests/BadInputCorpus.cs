using RewardAnalytics.Core;
using RewardAnalytics.Core.StreamEvents;
using static RewardAnalytics.Reliability.IntegrationTests.BadInputEvents;

namespace RewardAnalytics.Reliability.IntegrationTests;

/// <summary>
/// The malformed inputs, at both levels, with the outcomes README documents. Record-level cases sit beside one
/// valid 10.00 ISSUED record on the same day; envelope-level cases carry that record too, and must write nothing.
/// </summary>
internal static class BadInputCorpus
{
    private static readonly DailyTotals ValidOnly = new(10.00m, 0m, 1, 0);

    private static BadInput Skipped(string name, SkipReason reason, Func<int, string> badRecord) =>
        new(name, n => Event(n, Valid(n), badRecord(n))) { Reason = reason, Counted = ValidOnly };

    private static BadInput Counts(string name, DailyTotals extra, Func<int, string> record) =>
        new(name, n => Event(n, Valid(n), record(n))) { Counted = ValidOnly + extra };

    private static BadInput Malformed(string name, string problem, Func<int, string> payload, string? sequence = null) =>
        new(name, n => Utf8(payload(n))) { Reason = SkipReason.RecordMalformed, Counted = ValidOnly, Problem = problem, LoggedSequence = sequence };

    private static BadInput Fails(string name, string text, Func<int, string> payload) =>
        new(name, n => Utf8(payload(n))) { FailureText = text };

    private const string S3Record = "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\",\"eventName\":\"ObjectCreated:Put\"," +
        "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"example-bucket\",\"arn\":\"arn:aws:s3:::example-bucket\"},\"object\":{\"key\":\"k\",\"size\":1}}}";

    private const string SqsRecord = "{\"messageId\":\"m1\",\"receiptHandle\":\"h\",\"body\":\"Test message.\",\"attributes\":{},\"messageAttributes\":{}," +
        "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:0:q\",\"awsRegion\":\"us-east-1\"}";

    private const string KinesisRecord = "{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"1\",\"sequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\"," +
        "\"data\":\"SGVsbG8=\",\"approximateArrivalTimestamp\":1607497475.000},\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\"," +
        "\"eventID\":\"shardId-000000000006:49590338271490256608559692538361571095921575989136588898\",\"eventName\":\"aws:kinesis:record\"," +
        "\"awsRegion\":\"us-east-1\",\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:0:stream/rewards\"}";

    private static string Insert(int n, string image) => Record(n, 2, newImage: image);

    private static string Nested(int levels) => levels == 0 ? "{\"S\":\"leaf\"}" : "{\"M\":{\"l\":" + Nested(levels - 1) + "}}";

    public static IReadOnlyList<BadInput> All { get; } =
    [
        // Envelope level: the invocation fails with a message naming the problem, and nothing is written.
        // (A record whose own structure is unreadable is skipped alone, further down: it must not block the shard.)
        Fails("not JSON", "is not valid JSON", _ => "this is not json"),
        Fails("truncated JSON", "is not valid JSON", n => Envelope(n, "[" + Valid(n) + "]")[..150]),
        Fails("empty body", "The event is empty", _ => ""),
        Fails("whitespace body", "The event is empty", _ => "  \n "),
        Fails("a JSON array", "is a JSON array, not an object", n => "[" + Valid(n) + "]"),
        Fails("Records is an object", "'Records' is a JSON object: expected an array", n => Envelope(n, Valid(n))),
        Fails("Records missing", "no 'Records' array", _ => "{\"shardId\":\"s\",\"window\":{}}"),
        Fails("shardId missing", "no 'shardId'", n => "{\"Records\":[" + Valid(n) + "]}"),
        Fails("shardId a number", "'shardId' is a JSON number: expected a string", n => "{\"Records\":[" + Valid(n) + "],\"shardId\":42}"),
        Fails("shardId twice", "'shardId' appears twice", n => Envelope(n, "[" + Valid(n) + "]")[..^1] + ",\"shardId\":\"other\"}"),
        // Another service's event: refused naming its source, not mistaken for a stream event without a window.
        Fails("an S3 event", "The event is from aws:s3, not a DynamoDB stream", _ => "{\"Records\":[" + S3Record + "]}"),
        Fails("an SQS record among stream records", "Records[1] is from aws:sqs, not a DynamoDB stream", n => Envelope(n, "[" + Valid(n) + "," + SqsRecord + "]")),
        Fails("a Kinesis tumbling-window event", "The event is from aws:kinesis, not a DynamoDB stream", n => Envelope(n, "[" + KinesisRecord + "]")),
        Fails("a Kinesis final invoke without records", "(eventSourceARN), not a DynamoDB stream", n => Envelope(n, "[]")
            .Replace("arn:aws:dynamodb:us-east-1:0:table/rewards/stream/x", "arn:aws:kinesis:us-east-1:0:stream/rewards", StringComparison.Ordinal)
            .Replace("\"isFinalInvokeForWindow\":false", "\"isFinalInvokeForWindow\":true", StringComparison.Ordinal)),
        Malformed("a record that is a number", "Records[1] is a JSON number", n => Envelope(n, "[" + Valid(n) + ",42]"), sequence: ""),
        Malformed("dynamodb a string", "Records[1].dynamodb is a JSON string: expected an object", n => Envelope(n,
            "[" + Valid(n) + ",{\"eventID\":\"x\",\"eventName\":\"INSERT\",\"dynamodb\":\"oops\"}]"), sequence: ""),
        Malformed("non-digit sequence number", "SequenceNumber is '5000x': expected 1 to 40 decimal digits", n => Envelope(n,
            "[" + Valid(n) + "," + Record(n, 2, newImage: Image(n)).Replace(Seq(2), "5000x", StringComparison.Ordinal) + "]"), sequence: ""),
        Malformed("41-digit sequence number", "expected 1 to 40 decimal digits", n => Envelope(n,
            "[" + Valid(n) + "," + Record(n, 2, newImage: Image(n)).Replace(Seq(2), new string('9', 41), StringComparison.Ordinal) + "]"), sequence: ""),
        Malformed("sequence number missing", "Records[1] has no dynamodb.SequenceNumber", n => Envelope(n,
            "[" + Valid(n) + ",{\"eventID\":\"x\",\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":" + Image(n) + "}}]"), sequence: ""),
        Malformed("NewImage an array", "Records[1].dynamodb.NewImage is a JSON array", n => Envelope(n,
            "[" + Valid(n) + "," + Record(n, 2, newImage: "[1,2]") + "]")),
        Malformed("eventID a number", "Records[1].eventID is a JSON number: expected a string", n => Envelope(n,
            "[" + Valid(n) + "," + Record(n, 2, newImage: Image(n)).Replace("\"eventID\":\"e2\"", "\"eventID\":2", StringComparison.Ordinal) + "]")),
        Malformed("eventID twice", "'Records[1].eventID' appears twice", n => Envelope(n,
            "[" + Valid(n) + "," + Record(n, 2, newImage: Image(n)).Replace("\"eventID\":\"e2\"", "\"eventID\":\"e2\",\"eventID\":\"e3\"", StringComparison.Ordinal) + "]")),

        // A 6 MB payload (Lambda's invocation limit) is a large, valid batch: every record counts.
        new("a 6 MB payload", n => Event(n, Enumerable.Range(1, 6 * 1024 * 1024 / 380).Select(i => Record(n, i, newImage: Image(n, amount: "{\"N\":\"0.01\"}",
            extra: ",\"note\":{\"S\":\"" + new string('x', 160) + "\"}"))).ToArray()))
        {
            Counted = new DailyTotals(0.01m * (6 * 1024 * 1024 / 380), 0m, 6 * 1024 * 1024 / 380, 0),
        },

        // Record level: skipped, counted and logged; the valid record beside it still counts.
        Skipped("type missing", SkipReason.TypeMissing, n => Insert(n, Image(n, type: ""))),
        Skipped("amount missing", SkipReason.AmountMissing, n => Insert(n, Image(n, amount: ""))),
        Skipped("createdAt missing", SkipReason.CreatedAtMissing, n => Record(n, 2, newImage: "{\"type\":{\"S\":\"ISSUED\"},\"amount\":{\"N\":\"1\"}}")),
        Skipped("amount as S", SkipReason.AmountNotNumber, n => Insert(n, Image(n, amount: "{\"S\":\"5\"}"))),
        Skipped("amount -1", SkipReason.AmountNegative, n => Insert(n, Image(n, amount: "{\"N\":\"-1\"}"))),
        Skipped("amount NaN", SkipReason.AmountInvalid, n => Insert(n, Image(n, amount: "{\"N\":\"NaN\"}"))),
        Skipped("amount 1e400", SkipReason.AmountOutOfRange, n => Insert(n, Image(n, amount: "{\"N\":\"1e400\"}"))),
        Skipped("amount with 29 significant digits", SkipReason.AmountTooPrecise, n => Insert(n, Image(n, amount: "{\"N\":\"1234567890123456789012345678.9\"}"))),
        Skipped("amount as a number set", SkipReason.AmountNotNumber, n => Insert(n, Image(n, amount: "{\"NS\":[\"1\",\"2\"]}"))),
        Skipped("type unknown", SkipReason.TypeUnknown, n => Insert(n, Image(n, type: "{\"S\":\"BONUS\"}"))),
        Skipped("type as N", SkipReason.TypeNotString, n => Insert(n, Image(n, type: "{\"N\":\"1\"}"))),
        Skipped("type as a string set", SkipReason.TypeNotString, n => Insert(n, Image(n, type: "{\"SS\":[\"ISSUED\"]}"))),
        Skipped("createdAt 30 February", SkipReason.CreatedAtInvalid, n => Insert(n, Image(n, createdAt: "{\"S\":\"2031-02-30T10:00:00Z\"}"))),
        Skipped("createdAt before 2000", SkipReason.CreatedAtOutOfRange, n => Insert(n, Image(n, createdAt: "{\"S\":\"1999-12-31T23:59:59Z\"}"))),
        Skipped("createdAt in the far future", SkipReason.CreatedAtOutOfRange, n => Insert(n, Image(n, createdAt: "{\"S\":\"3000-01-01T00:00:00Z\"}"))),
        Skipped("createdAt as BOOL", SkipReason.CreatedAtWrongType, n => Insert(n, Image(n, createdAt: "{\"BOOL\":true}"))),
        Skipped("createdAt as binary", SkipReason.CreatedAtWrongType, n => Insert(n, Image(n, createdAt: "{\"B\":\"AAEC\"}"))),
        Skipped("createdAt not a date", SkipReason.CreatedAtInvalid, n => Insert(n, Image(n, createdAt: "{\"S\":\"yesterday\"}"))),
        Skipped("INSERT without NewImage", SkipReason.MissingNewImage, n => Record(n, 2)),
        Skipped("MODIFY without OldImage", SkipReason.MissingOldImage, n => Record(n, 2, "MODIFY", newImage: Image(n))),
        Skipped("unknown eventName", SkipReason.UnknownEventName, n => Record(n, 2, "UPSERT", newImage: Image(n))),
        Skipped("amount twice in one image", SkipReason.DuplicateAttribute, n => Insert(n, Image(n, extra: ",\"amount\":{\"N\":\"99\"}"))),

        // Inputs that look odd but are valid: they count, exactly.
        Skipped("amount 1e-28", SkipReason.AmountTooPrecise, n => Insert(n, Image(n, amount: "{\"N\":\"0.0000000000000000000000000001\"}"))),
        Skipped("amount of 28 digits", SkipReason.AmountOutOfRange, n => Insert(n, Image(n, amount: "{\"N\":\"9999999999999999999999999999\"}"))),
        Skipped("amount with 7 decimal places", SkipReason.AmountTooPrecise, n => Insert(n, Image(n, amount: "{\"N\":\"0.0000001\"}"))),
        Counts("amount at the bounds", new DailyTotals(999999999999.999999m, 0m, 1, 0), n => Insert(n, Image(n, amount: "{\"N\":\"999999999999.999999\"}"))),
        Counts("an attribute nested 32 levels deep", new DailyTotals(7.5m, 0m, 1, 0), n => Insert(n, Image(n, extra: ",\"deep\":" + Nested(32)))),
        Counts("type in lower case", new DailyTotals(0m, 7.5m, 0, 1), n => Insert(n, Image(n, type: "{\"S\":\"redeemed\"}"))),
        Counts("an image with extra attributes of every type", new DailyTotals(7.5m, 0m, 1, 0), n => Insert(n, Image(n,
            extra: ",\"m\":{\"M\":{\"a\":{\"L\":[{\"N\":\"1\"},{\"NULL\":true}]}}},\"b\":{\"B\":\"AAEC\"},\"bs\":{\"BS\":[\"AA==\"]},\"ss\":{\"SS\":[\"x\"]},\"ok\":{\"BOOL\":false}"))),
        Counts("createdAt as epoch milliseconds", new DailyTotals(7.5m, 0m, 1, 0), n => Insert(n, Image(n,
            createdAt: "{\"N\":\"" + new DateTimeOffset(DateOnly.Parse(Day(n), System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(6, 0), TimeSpan.Zero).ToUnixTimeMilliseconds() + "\"}"))),
        Counts("a TTL removal of a counted reward", DailyTotals.Zero, n => Record(n, 2, "REMOVE", oldImage: Image(n, amount: "{\"N\":\"10.00\"}"),
            recordExtra: ",\"userIdentity\":{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}")),
    ];
}
