using System.Text.Json;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// Reads the records of a stream event, one element of <c>Records</c> at a time, into <see cref="StreamChange"/>s:
/// event name, event source, sequence number, TTL identity, keys for the log, and the images (<see cref="RewardImageReader"/>'s).
/// </summary>
internal sealed class StreamRecordReader(RewardImageReader images)
{
    /// <summary>
    /// Reads one element of <c>Records</c>. A record whose structure is unreadable (not an object, a non-object
    /// <c>dynamodb</c> or image, a property twice, no readable sequence number) is skipped as
    /// <see cref="SkipReason.RecordMalformed"/>, never the batch: one bad record must not block its shard. A record
    /// that lacks an image because its stream has the wrong view type fails the batch instead of being skipped: the
    /// stream is misconfigured and would otherwise drop its records silently.
    /// </summary>
    public void Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref ChangeBatchBuilder batch)
    {
        var index = batch.Count;
        var record = new RecordParts();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = JsonText.Describe(reader.TokenType);
            reader.Skip();
            AddMalformed(ref batch, json, record, $"Records[{index}] is a JSON {kind}: expected a stream record object.");
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
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("eventSource"u8)
                    && record.EventSource.Equals(default(Range)) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    var start = (int)reader.TokenStartIndex + 1;
                    NoteSource(ref reader, ref record, start..(start + reader.ValueSpan.Length));
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 2 && reader.ValueTextEquals("SequenceNumber"u8)
                    && record.Sequence is null && reader.Read() && reader.TokenType == JsonTokenType.String
                    && SequenceNumber.TryParse(reader.ValueSpan, out var found))
                {
                    record.Sequence = found;
                }
            }

            if (!FromOtherService(ref batch, json, index, record))
            {
                AddMalformed(ref batch, json, record, ex.Message);
            }

            return;
        }

        if (FromOtherService(ref batch, json, index, record))
        {
            return;
        }

        if (record.Sequence is not { } sequence)
        {
            AddMalformed(ref batch, json, record, $"Records[{index}] has no dynamodb.SequenceNumber: expected every stream record to carry one.");
            return;
        }

        var change = new StreamChange(sequence, record.Kind, record.IsTtlExpiry, record.OldImage, record.NewImage);
        batch.Add(change);
        var reason = change.SkipReason;
        if (reason is SkipReason.MissingNewImage or SkipReason.MissingOldImage)
        {
            RequireNewAndOldImages(json, index, record, reason);
        }

        if (reason != SkipReason.None)
        {
            batch.Skip(Skipped(json, record, reason));
        }
    }

    private void ReadRecordObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index, ref RecordParts record)
    {
        var seen = RecordProperties.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonText.PropertyName(ref reader);
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
            else if (name.SequenceEqual("eventSource"u8))
            {
                Once(ref seen, RecordProperties.EventSource, index, "eventSource");
                NoteSource(ref reader, ref record, ReadRawString(ref reader, index, "eventSource"));
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

    /// <summary>Takes the record's <c>eventSource</c>, on which the reader stands: <c>aws:dynamodb</c> (escaped or not) or another service.</summary>
    private static void NoteSource(ref Utf8JsonReader reader, ref RecordParts record, Range source)
    {
        record.EventSource = source;
        record.FromDynamoDb = reader.ValueTextEquals(StreamEventReader.DynamoDbEventSourceUtf8);
        record.FromOtherService = !record.FromDynamoDb;
    }

    /// <summary>
    /// Counts the record by where it comes from; true when another service sent it. Such a record is not read as a
    /// stream record (nor listed as skipped): the envelope refuses the whole batch once read, naming the first one.
    /// </summary>
    private static bool FromOtherService(ref ChangeBatchBuilder batch, ReadOnlySpan<byte> json, int index, in RecordParts record)
    {
        if (record.FromDynamoDb)
        {
            batch.NoteFromDynamoDb();
        }

        if (!record.FromOtherService)
        {
            return false;
        }

        var source = JsonText.Utf8(json, record.EventSource);
        batch.AddFromOtherService(index, source.Length == 0 ? "''" : source);
        return true;
    }

    /// <summary>
    /// Refuses the batch when a record lacks an image because its <c>StreamViewType</c> is not NEW_AND_OLD_IMAGES: the
    /// stream is misconfigured (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE), and skipping would drop its records without a sound.
    /// A record of such a type that still has what its event needs (an INSERT of a NEW_IMAGE stream, as in AWS's sample
    /// events, which mix view types) counts as usual.
    /// </summary>
    private static void RequireNewAndOldImages(ReadOnlySpan<byte> json, int index, in RecordParts record, SkipReason missing)
    {
        if (record.HasViewType && !System.Text.Ascii.Equals(json[record.ViewType], StreamEventReader.RequiredStreamViewType))
        {
            throw new StreamEventFormatException(
                $"Records[{index}] ({JsonText.Utf8(json, record.EventName)}) has no {(missing == SkipReason.MissingNewImage ? "NewImage" : "OldImage")}: " +
                $"its stream's StreamViewType is {JsonText.Utf8(json, record.ViewType)}, and the aggregator needs {StreamEventReader.RequiredStreamViewType}; " +
                $"set the rewards table's stream view type to {StreamEventReader.RequiredStreamViewType} (nothing was written).");
        }
    }

    /// <summary>Lists an unreadable record as skipped and counts it as received, so the batch's figures add up.</summary>
    private static void AddMalformed(ref ChangeBatchBuilder batch, ReadOnlySpan<byte> json, in RecordParts record, string problem)
    {
        batch.AddUncounted(record.Sequence ?? SequenceNumber.MinValue);
        batch.Skip(Skipped(json, record, SkipReason.RecordMalformed) with { Problem = problem });
    }

    /// <summary>The log entry of a skipped record: what identifies it, its keys re-written as one line of compact JSON.</summary>
    private static SkippedRecord Skipped(ReadOnlySpan<byte> json, in RecordParts record, SkipReason reason) => new(
        JsonText.Utf8(json, record.EventId), JsonText.Utf8(json, record.EventName), record.Sequence?.ToString() ?? string.Empty,
        record.Keys.Equals(default(Range)) ? "{}" : JsonText.Compact(json[record.Keys]), reason);

    /// <summary>Reads a record's <c>dynamodb</c> object: its sequence number, images and keys (kept as raw JSON for the log).</summary>
    private void ReadDynamodb(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index, ref RecordParts record)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StreamEventFormatException($"Records[{index}].dynamodb is a JSON {JsonText.Describe(reader.TokenType)}: expected an object.");
        }

        var seen = DynamodbProperties.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonText.PropertyName(ref reader);
            if (name.SequenceEqual("SequenceNumber"u8))
            {
                Once(ref seen, DynamodbProperties.SequenceNumber, index, "dynamodb.SequenceNumber");
                var raw = ReadRawString(ref reader, index, "dynamodb.SequenceNumber");
                if (!SequenceNumber.TryParse(json[raw], out var sequence))
                {
                    throw new StreamEventFormatException(
                        $"Records[{index}].dynamodb.SequenceNumber is '{JsonText.Utf8(json, raw)}': expected 1 to {SequenceNumber.MaxDigits} decimal digits.");
                }

                record.Sequence = sequence;
            }
            else if (name.SequenceEqual("NewImage"u8))
            {
                Once(ref seen, DynamodbProperties.NewImage, index, "dynamodb.NewImage");
                record.NewImage = images.Read(ref reader, json, index, "dynamodb.NewImage");
            }
            else if (name.SequenceEqual("OldImage"u8))
            {
                Once(ref seen, DynamodbProperties.OldImage, index, "dynamodb.OldImage");
                record.OldImage = images.Read(ref reader, json, index, "dynamodb.OldImage");
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

    private static Range ReadRawString(ref Utf8JsonReader reader, int index, string property)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new StreamEventFormatException($"Records[{index}].{property} is a JSON {JsonText.Describe(reader.TokenType)}: expected a string.");
        }

        var start = (int)reader.TokenStartIndex + 1;
        return start..(start + reader.ValueSpan.Length);
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
        EventSource = 16,
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
