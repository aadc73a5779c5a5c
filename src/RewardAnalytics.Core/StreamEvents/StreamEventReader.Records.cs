using System.Text.Json;

namespace RewardAnalytics.Core.StreamEvents;

public sealed partial class StreamEventReader
{
    /// <summary>The only stream view type the aggregator can count from: both images of every change.</summary>
    public const string RequiredStreamViewType = "NEW_AND_OLD_IMAGES";

    /// <summary>
    /// Reads one element of <c>Records</c>. A record whose structure is unreadable (not an object, a non-object
    /// <c>dynamodb</c> or image, a property twice, no readable sequence number) is skipped as
    /// <see cref="SkipReason.RecordMalformed"/>, never the batch: one bad record must not block its shard. A record
    /// that lacks an image because its stream has the wrong view type fails the batch instead of being skipped: the
    /// stream is misconfigured and would otherwise drop its records silently.
    /// </summary>
    private void ReadRecord(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref ReadState state)
    {
        var index = state.Count;
        var record = new RecordParts();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = Describe(reader.TokenType);
            reader.Skip();
            AddMalformed(ref state, json, record, $"Records[{index}] is a JSON {kind}: expected a stream record object.");
            return;
        }

        var depth = reader.CurrentDepth;
        try
        {
            ReadRecordObject(ref reader, json, index, ref record);
        }
        catch (StreamEventFormatException ex)
        {
            // Move past the rest of the record (the reader stands wherever the problem was found), picking up its
            // eventID and sequence number if they come later, so the log line still says which record it was.
            while (!(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("eventID"u8)
                    && record.EventId.Equals(default(Range)) && reader.Read() && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
                {
                    var start = (int)reader.TokenStartIndex + 1;
                    record.EventId = start..(start + reader.ValueSpan.Length);
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 2 && reader.ValueTextEquals("SequenceNumber"u8)
                    && record.Sequence is null && reader.Read() && reader.TokenType == JsonTokenType.String
                    && SequenceNumber.TryParse(reader.ValueSpan, out var found))
                {
                    record.Sequence = found;
                }
            }

            AddMalformed(ref state, json, record, ex.Message);
            return;
        }

        if (record.Sequence is not { } sequence)
        {
            AddMalformed(ref state, json, record, $"Records[{index}] has no dynamodb.SequenceNumber: expected every stream record to carry one.");
            return;
        }

        var change = new StreamChange(sequence, record.Kind, record.IsTtlExpiry, record.OldImage, record.NewImage);
        state.Add(change);
        var reason = change.SkipReason;
        if (reason is SkipReason.MissingNewImage or SkipReason.MissingOldImage)
        {
            RequireNewAndOldImages(json, index, record, reason);
        }

        if (reason != SkipReason.None)
        {
            (state.Skipped ??= []).Add(Skipped(json, record, reason));
        }
    }

    private void ReadRecordObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index, ref RecordParts record)
    {
        var seen = RecordProperties.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader);
            if (name.SequenceEqual("eventID"u8))
            {
                Once(ref seen, RecordProperties.EventId, index, "eventID");
                record.EventId = ReadRawString(ref reader, index, "eventID");
            }
            else if (name.SequenceEqual("eventName"u8))
            {
                Once(ref seen, RecordProperties.EventName, index, "eventName");
                record.EventName = ReadRawString(ref reader, index, "eventName");
                var text = json[record.EventName];
                record.Kind = text.SequenceEqual("INSERT"u8) ? ChangeKind.Insert
                    : text.SequenceEqual("MODIFY"u8) ? ChangeKind.Modify
                    : text.SequenceEqual("REMOVE"u8) ? ChangeKind.Remove
                    : ChangeKind.Unknown;
            }
            else if (name.SequenceEqual("dynamodb"u8))
            {
                Once(ref seen, RecordProperties.Dynamodb, index, "dynamodb");
                ReadDynamodb(ref reader, json, index, ref record);
            }
            else if (name.SequenceEqual("userIdentity"u8))
            {
                Once(ref seen, RecordProperties.UserIdentity, index, "userIdentity");
                record.IsTtlExpiry = ReadIsTtlService(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// Refuses the batch when a record lacks an image because its <c>StreamViewType</c> is not NEW_AND_OLD_IMAGES: the
    /// stream is misconfigured (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE), and skipping would drop its records without a sound.
    /// A record of such a type that still has what its event needs (an INSERT of a NEW_IMAGE stream, as in AWS's sample
    /// events, which mix view types) counts as usual.
    /// </summary>
    private static void RequireNewAndOldImages(ReadOnlySpan<byte> json, int index, in RecordParts record, SkipReason missing)
    {
        if (record.HasViewType && !System.Text.Ascii.Equals(json[record.ViewType], RequiredStreamViewType))
        {
            throw new StreamEventFormatException(
                $"Records[{index}] ({Utf8(json, record.EventName)}) has no {(missing == SkipReason.MissingNewImage ? "NewImage" : "OldImage")}: " +
                $"its stream's StreamViewType is {Utf8(json, record.ViewType)}, and the aggregator needs {RequiredStreamViewType}; " +
                $"set the rewards table's stream view type to {RequiredStreamViewType} (nothing was written).");
        }
    }

    /// <summary>Lists an unreadable record as skipped and counts it as received, so the batch's figures add up.</summary>
    private static void AddMalformed(ref ReadState state, ReadOnlySpan<byte> json, in RecordParts record, string problem)
    {
        state.AddUncounted(record.Sequence ?? SequenceNumber.MinValue);
        (state.Skipped ??= []).Add(Skipped(json, record, SkipReason.RecordMalformed) with { Problem = problem });
    }

    /// <summary>The log entry of a skipped record: what identifies it, its keys re-written as one line of compact JSON.</summary>
    private static SkippedRecord Skipped(ReadOnlySpan<byte> json, in RecordParts record, SkipReason reason) => new(
        Utf8(json, record.EventId), Utf8(json, record.EventName), record.Sequence?.ToString() ?? string.Empty,
        record.Keys.Equals(default(Range)) ? "{}" : CompactJson(json[record.Keys]), reason);

    /// <summary>
    /// A JSON value re-written without the input's whitespace or line breaks, so a pretty-printed event still gives
    /// one log line per entry.
    /// </summary>
    private static string CompactJson(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a record's <c>dynamodb</c> object: its sequence number, images and keys (kept as raw JSON for the log).</summary>
    private void ReadDynamodb(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index, ref RecordParts record)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StreamEventFormatException($"Records[{index}].dynamodb is a JSON {Describe(reader.TokenType)}: expected an object.");
        }

        var seen = DynamodbProperties.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader);
            if (name.SequenceEqual("SequenceNumber"u8))
            {
                Once(ref seen, DynamodbProperties.SequenceNumber, index, "dynamodb.SequenceNumber");
                var raw = ReadRawString(ref reader, index, "dynamodb.SequenceNumber");
                if (!SequenceNumber.TryParse(json[raw], out var sequence))
                {
                    throw new StreamEventFormatException(
                        $"Records[{index}].dynamodb.SequenceNumber is '{Utf8(json, raw)}': expected 1 to {SequenceNumber.MaxDigits} decimal digits.");
                }

                record.Sequence = sequence;
            }
            else if (name.SequenceEqual("NewImage"u8))
            {
                Once(ref seen, DynamodbProperties.NewImage, index, "dynamodb.NewImage");
                record.NewImage = ReadImage(ref reader, json, index, "dynamodb.NewImage");
            }
            else if (name.SequenceEqual("OldImage"u8))
            {
                Once(ref seen, DynamodbProperties.OldImage, index, "dynamodb.OldImage");
                record.OldImage = ReadImage(ref reader, json, index, "dynamodb.OldImage");
            }
            else if (name.SequenceEqual("StreamViewType"u8))
            {
                Once(ref seen, DynamodbProperties.StreamViewType, index, "dynamodb.StreamViewType");
                record.ViewType = ReadRawString(ref reader, index, "dynamodb.StreamViewType");
                record.HasViewType = true;
            }
            else if (name.SequenceEqual("Keys"u8))
            {
                Once(ref seen, DynamodbProperties.Keys, index, "dynamodb.Keys");
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                record.Keys = start..(int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// Reads a record's <c>userIdentity</c>: true when it names DynamoDB's TTL service
    /// (<c>type</c> <c>Service</c>, <c>principalId</c> <c>dynamodb.amazonaws.com</c>).
    /// </summary>
    private static bool ReadIsTtlService(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        bool service = false, ttlPrincipal = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                service = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Service"u8);
            }
            else if (reader.ValueTextEquals("principalId"u8))
            {
                reader.Read();
                ttlPrincipal = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("dynamodb.amazonaws.com"u8);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return service && ttlPrincipal;
    }

    private static void Once(ref RecordProperties seen, RecordProperties property, int index, string name)
    {
        if (seen.HasFlag(property))
        {
            throw Twice(index, name);
        }

        seen |= property;
    }

    private static void Once(ref DynamodbProperties seen, DynamodbProperties property, int index, string name)
    {
        if (seen.HasFlag(property))
        {
            throw Twice(index, name);
        }

        seen |= property;
    }

    private static StreamEventFormatException Twice(int index, string name) =>
        new($"The property 'Records[{index}].{name}' appears twice: expected it once.");

    /// <summary>
    /// The current property name as text to compare: the payload's own bytes, or (rarely) an unescaped copy. Plain
    /// span comparisons are cheaper than a chain of <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>.
    /// </summary>
    private static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var unescaped = new byte[reader.ValueSpan.Length];
        return unescaped.AsSpan(0, reader.CopyString(unescaped));
    }

    private static Range ReadRawString(ref Utf8JsonReader reader, int index, string property)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new StreamEventFormatException($"Records[{index}].{property} is a JSON {Describe(reader.TokenType)}: expected a string.");
        }

        var start = (int)reader.TokenStartIndex + 1;
        return start..(start + reader.ValueSpan.Length);
    }

    /// <summary>What one record has shown so far: where its texts lie in the payload, and what was read of it.</summary>
    private struct RecordParts
    {
        public Range EventId;
        public Range EventName;
        public Range Keys;
        public Range ViewType;
        public bool HasViewType;
        public ChangeKind Kind;
        public SequenceNumber? Sequence;
        public RewardImage? OldImage;
        public RewardImage? NewImage;
        public bool IsTtlExpiry;
    }

    /// <summary>A record's own properties, each allowed once.</summary>
    [Flags]
    private enum RecordProperties
    {
        None = 0,
        EventId = 1,
        EventName = 2,
        Dynamodb = 4,
        UserIdentity = 8,
    }

    /// <summary>The properties of a record's <c>dynamodb</c> object, each allowed once.</summary>
    [Flags]
    private enum DynamodbProperties
    {
        None = 0,
        SequenceNumber = 1,
        NewImage = 2,
        OldImage = 4,
        Keys = 8,
        StreamViewType = 16,
    }
}
