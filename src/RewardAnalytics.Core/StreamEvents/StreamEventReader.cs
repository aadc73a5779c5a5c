using System.Text.Json;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// Reads a DynamoDB Streams event as Lambda delivers it with a tumbling window, straight from its UTF-8 bytes
/// with <see cref="Utf8JsonReader"/>, into one <see cref="StreamChange"/> per record: no DOM, no per-record strings.
/// It only reads; what a change adds to which day is the fold's (<c>Aggregation.ChangeFold</c>). Envelope problems throw
/// <see cref="StreamEventFormatException"/>; records that cannot count are listed with why. This type reads the
/// envelope; each record is <see cref="StreamRecordReader"/>'s, each image <see cref="RewardImageReader"/>'s. An event
/// that another service sent (S3, SQS, Kinesis) is refused naming its <c>eventSource</c>.
/// </summary>
public sealed class StreamEventReader
{
    /// <summary>
    /// The deepest JSON the reader accepts. DynamoDB stores attributes nested up to 32 levels; in a stream event each
    /// level is two JSON levels (<c>{"M":{…}}</c>, <c>{"L":[…]}</c>) below the envelope, record, <c>dynamodb</c>, image
    /// and attribute value (about 71 in all), which is past <see cref="Utf8JsonReader"/>'s default of 64. Anything
    /// deeper than this cannot come from DynamoDB, so such an event is refused as not a stream event.
    /// </summary>
    public const int MaxJsonDepth = 128;

    /// <summary>The only stream view type the aggregator can count from: both images of every change.</summary>
    public const string RequiredStreamViewType = "NEW_AND_OLD_IMAGES";

    /// <summary>The <c>eventSource</c> of every record of a DynamoDB stream event.</summary>
    public const string DynamoDbEventSource = "aws:dynamodb";

    /// <summary>What every refusal of another service's event ends with.</summary>
    private const string TakesStreamEvents = "this function takes the DynamoDB stream's tumbling-window events.";

    private readonly StreamRecordReader _records;

    /// <summary><see cref="DynamoDbEventSource"/> as UTF-8, to compare with a record's <c>eventSource</c>.</summary>
    internal static ReadOnlySpan<byte> DynamoDbEventSourceUtf8 => "aws:dynamodb"u8;

    /// <summary>A reader that finds reward attributes by the names in <paramref name="schema"/>.</summary>
    public StreamEventReader(RewardImageSchema schema)
    {
        _records = new StreamRecordReader(new RewardImageReader(schema));
    }

    /// <summary>Parses one invocation's payload. Dispose the batch to return its pooled buffer.</summary>
    public StreamChangeBatch Read(ReadOnlySpan<byte> json)
    {
        json = Utf8Text.WithoutByteOrderMark(json);
        if (json.IsEmpty || json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new StreamEventFormatException(
                "The event is empty: expected a DynamoDB Streams event with a tumbling window (an object with 'Records' and 'shardId').");
        }

        var batch = new ChangeBatchBuilder();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            var envelope = ReadEnvelope(ref reader, json, ref batch);
            return batch.ToBatch(envelope);
        }
        catch (JsonException ex)
        {
            batch.ReturnBuffer();
            throw new StreamEventFormatException(
                $"The event is not valid JSON ({ex.Message}): expected a DynamoDB Streams event with a tumbling window.", ex);
        }
        catch
        {
            batch.ReturnBuffer();
            throw;
        }
    }

    private StreamEnvelope ReadEnvelope(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref ChangeBatchBuilder batch)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StreamEventFormatException(
                $"The event is a JSON {JsonText.Describe(reader.TokenType)}, not an object: expected a DynamoDB Streams event with 'Records' and 'shardId'.");
        }

        string? shardId = null, arn = null, windowStart = null, windowEnd = null;
        bool isFinal = false, terminatedEarly = false, sawRecords = false, recordsNull = false;
        var seen = EnvelopeProperties.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Records"u8))
            {
                Once(ref seen, EnvelopeProperties.Records, "Records");
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    recordsNull = true;
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new StreamEventFormatException($"'Records' is a JSON {JsonText.Describe(reader.TokenType)}: expected an array of stream records.");
                }

                sawRecords = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _records.Read(ref reader, json, ref batch);
                }
            }
            else if (reader.ValueTextEquals("shardId"u8))
            {
                Once(ref seen, EnvelopeProperties.ShardId, "shardId");
                shardId = ReadString(ref reader, "shardId");
            }
            else if (reader.ValueTextEquals("eventSourceARN"u8))
            {
                Once(ref seen, EnvelopeProperties.EventSourceArn, "eventSourceARN");
                arn = ReadString(ref reader, "eventSourceARN");
            }
            else if (reader.ValueTextEquals("window"u8))
            {
                Once(ref seen, EnvelopeProperties.Window, "window");
                (windowStart, windowEnd) = ReadWindow(ref reader);
            }
            else if (reader.ValueTextEquals("isFinalInvokeForWindow"u8))
            {
                Once(ref seen, EnvelopeProperties.IsFinalInvokeForWindow, "isFinalInvokeForWindow");
                isFinal = ReadBool(ref reader, "isFinalInvokeForWindow");
            }
            else if (reader.ValueTextEquals("isWindowTerminatedEarly"u8))
            {
                Once(ref seen, EnvelopeProperties.IsWindowTerminatedEarly, "isWindowTerminatedEarly");
                terminatedEarly = ReadBool(ref reader, "isWindowTerminatedEarly");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            throw new StreamEventFormatException("The event has content after its closing brace: expected exactly one JSON object.");
        }

        // Before anything else is held against the event: an S3 or SQS event has no shardId, and a Kinesis record has no
        // dynamodb, but the answer to either is that the event came from elsewhere.
        RefuseOtherServices(batch, arn);

        // AWS does not promise that a window's final invoke carries "Records": []; refusing one would stall the shard.
        if (!sawRecords && !isFinal)
        {
            throw new StreamEventFormatException(recordsNull
                ? "'Records' is null: expected an array of stream records (only a window's final invoke, isFinalInvokeForWindow: true, may come without records)."
                : "The event has no 'Records' array: expected a DynamoDB Streams event.");
        }

        if (string.IsNullOrEmpty(shardId))
        {
            throw new StreamEventFormatException(
                "The event has no 'shardId': the event source mapping must set a tumbling window (TumblingWindowInSeconds) so that each invocation names its shard.");
        }

        return new StreamEnvelope(shardId, arn, windowStart, windowEnd, isFinal, terminatedEarly);
    }

    /// <summary>
    /// Refuses an event that another service sent: a record whose <c>eventSource</c> is not <c>aws:dynamodb</c> (S3, SQS,
    /// Kinesis…), or an <c>eventSourceARN</c> of another service (a Kinesis window's final invoke may have no records).
    /// A batch that mixes sources is refused whole, naming the first foreign record: an event source mapping delivers
    /// one stream's records only, so such a batch was put together by hand or routed wrongly, and no part of it is
    /// trusted to count. Records without <c>eventSource</c> (hand-written events) are not held against the event.
    /// </summary>
    private static void RefuseOtherServices(in ChangeBatchBuilder batch, string? arn)
    {
        if (batch.OtherSource is { } source)
        {
            throw new StreamEventFormatException(batch.FromDynamoDb == 0
                ? $"The event is from {source}, not a DynamoDB stream (eventSource {DynamoDbEventSource}): {TakesStreamEvents}"
                : $"Records[{batch.OtherSourceIndex}] is from {source}, not a DynamoDB stream (eventSource {DynamoDbEventSource}), " +
                  $"in a batch with {batch.FromDynamoDb} record{(batch.FromDynamoDb == 1 ? "" : "s")} from {DynamoDbEventSource}: " +
                  $"an event source mapping delivers one stream's records only, so the batch is refused whole (nothing was written); {TakesStreamEvents}");
        }

        if (arn is not null && IsArnOfAnotherService(arn))
        {
            throw new StreamEventFormatException(
                $"The event is from {arn} (eventSourceARN), not a DynamoDB stream " +
                $"(arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label>): {TakesStreamEvents}");
        }
    }

    /// <summary>
    /// True for an ARN (<c>arn:partition:service:…</c>) whose service is not <c>dynamodb</c>. A value that is no ARN
    /// (AWS's sample events carry <c>stream-ARN</c>) says nothing about the source.
    /// </summary>
    private static bool IsArnOfAnotherService(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var afterPartition = arn.AsSpan(4);
        var colon = afterPartition.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var service = afterPartition[(colon + 1)..];
        var end = service.IndexOf(':');
        return end > 0 && !service[..end].SequenceEqual("dynamodb");
    }

    private static void Once(ref EnvelopeProperties seen, EnvelopeProperties property, string name)
    {
        if (seen.HasFlag(property))
        {
            throw new StreamEventFormatException($"The property '{name}' appears twice: expected it once.");
        }

        seen |= property;
    }

    /// <summary>Reads a string property's value; null for JSON null.</summary>
    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new StreamEventFormatException($"'{name}' is a JSON {JsonText.Describe(reader.TokenType)}: expected a string."),
        };
    }

    private static bool ReadBool(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            _ => throw new StreamEventFormatException($"'{name}' is a JSON {JsonText.Describe(reader.TokenType)}: expected true or false."),
        };
    }

    private static (string? Start, string? End) ReadWindow(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return (null, null);
        }

        string? start = null, end = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8))
            {
                start = ReadString(ref reader, "window.start");
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                end = ReadString(ref reader, "window.end");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (start, end);
    }

    /// <summary>The envelope's properties, each allowed once.</summary>
    [Flags]
    private enum EnvelopeProperties
    {
        None = 0,
        Records = 1,
        ShardId = 2,
        EventSourceArn = 4,
        Window = 8,
        IsFinalInvokeForWindow = 16,
        IsWindowTerminatedEarly = 32,
    }
}
