using System.Text.Json;

namespace RewardAnalytics.Core.StreamEvents;

public sealed partial class StreamBatchReader
{
    private enum EventName
    {
        Unknown,
        Insert,
        Modify,
        Remove,
    }

    private void ReadRecord(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref FoldState state)
    {
        var index = state.Records;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StreamEventFormatException($"Records[{index}] is a JSON {Describe(reader.TokenType)}: expected a stream record object.");
        }

        var eventName = EventName.Unknown;
        Range eventId = default, eventNameText = default, keys = default;
        SequenceNumber? sequence = null;
        RewardImage newImage = default, oldImage = default;
        bool hasNew = false, hasOld = false, serviceIdentity = false, serviceTtlPrincipal = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader);
            if (name.SequenceEqual("eventID"u8))
            {
                Once(ref seen, 1, index, "eventID");
                eventId = ReadRawString(ref reader, index, "eventID");
            }
            else if (name.SequenceEqual("eventName"u8))
            {
                Once(ref seen, 2, index, "eventName");
                eventNameText = ReadRawString(ref reader, index, "eventName");
                var text = json[eventNameText];
                eventName = text.SequenceEqual("INSERT"u8) ? EventName.Insert
                    : text.SequenceEqual("MODIFY"u8) ? EventName.Modify
                    : text.SequenceEqual("REMOVE"u8) ? EventName.Remove
                    : EventName.Unknown;
            }
            else if (name.SequenceEqual("dynamodb"u8))
            {
                Once(ref seen, 4, index, "dynamodb");
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new StreamEventFormatException($"Records[{index}].dynamodb is a JSON {Describe(reader.TokenType)}: expected an object.");
                }

                var seenInner = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var inner = PropertyName(ref reader);
                    if (inner.SequenceEqual("SequenceNumber"u8))
                    {
                        Once(ref seenInner, 1, index, "dynamodb.SequenceNumber");
                        var raw = ReadRawString(ref reader, index, "dynamodb.SequenceNumber");
                        if (!SequenceNumber.TryParse(json[raw], out var seq))
                        {
                            throw new StreamEventFormatException(
                                $"Records[{index}].dynamodb.SequenceNumber is '{Utf8(json, raw)}': expected 1 to {SequenceNumber.MaxDigits} decimal digits.");
                        }

                        sequence = seq;
                    }
                    else if (inner.SequenceEqual("NewImage"u8))
                    {
                        Once(ref seenInner, 2, index, "dynamodb.NewImage");
                        hasNew = ReadImage(ref reader, json, index, "dynamodb.NewImage", out newImage);
                    }
                    else if (inner.SequenceEqual("OldImage"u8))
                    {
                        Once(ref seenInner, 4, index, "dynamodb.OldImage");
                        hasOld = ReadImage(ref reader, json, index, "dynamodb.OldImage", out oldImage);
                    }
                    else if (inner.SequenceEqual("Keys"u8))
                    {
                        Once(ref seenInner, 8, index, "dynamodb.Keys");
                        reader.Read();
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        keys = start..(int)reader.BytesConsumed;
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else if (name.SequenceEqual("userIdentity"u8))
            {
                Once(ref seen, 8, index, "userIdentity");
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("type"u8))
                        {
                            reader.Read();
                            serviceIdentity = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Service"u8);
                        }
                        else if (reader.ValueTextEquals("principalId"u8))
                        {
                            reader.Read();
                            serviceTtlPrincipal = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("dynamodb.amazonaws.com"u8);
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (sequence is not { } sequenceNumber)
        {
            throw new StreamEventFormatException($"Records[{index}] has no dynamodb.SequenceNumber: expected every stream record to carry one.");
        }

        state.Records++;
        state.LastSequence = state.LastSequence is { } last ? SequenceNumber.Max(last, sequenceNumber) : sequenceNumber;

        var reason = Fold(eventName, hasNew, newImage, hasOld, oldImage, serviceIdentity && serviceTtlPrincipal, sequenceNumber, ref state);
        if (reason != SkipReason.None)
        {
            (state.Skipped ??= []).Add(new SkippedRecord(
                Utf8(json, eventId), Utf8(json, eventNameText), sequenceNumber.ToString(), keys.Equals(default(Range)) ? "{}" : Utf8(json, keys), reason));
        }
    }

    /// <summary>delta = contribution(NewImage) − contribution(OldImage); returns why the record was skipped, if it was.</summary>
    private static SkipReason Fold(
        EventName eventName, bool hasNew, in RewardImage newImage, bool hasOld, in RewardImage oldImage, bool ttlExpiry,
        SequenceNumber sequence, ref FoldState state)
    {
        switch (eventName)
        {
            case EventName.Insert when !hasNew:
            case EventName.Modify when !hasNew:
                return SkipReason.MissingNewImage;
            case EventName.Modify when !hasOld:
            case EventName.Remove when !hasOld:
                return SkipReason.MissingOldImage;
            case EventName.Unknown:
                return SkipReason.UnknownEventName;
            case EventName.Remove when ttlExpiry:
                // Expiry is history, not a correction: the reward still counts on its day. What expired is tallied
                // apart, because the table no longer holds it and a full scan cannot see it.
                state.TtlRemovals++;
                if (oldImage.IsValid)
                {
                    state.Add(new DeltaEntry(sequence, state.Days.DayOf(oldImage.CreatedAt), DailyTotals.Zero, oldImage.Contribution));
                }

                return SkipReason.None;
        }

        var removesOld = eventName != EventName.Insert && oldImage.IsValid;
        var addsNew = eventName != EventName.Remove && newImage.IsValid;
        var oldDay = removesOld ? state.Days.DayOf(oldImage.CreatedAt) : default;
        var newDay = addsNew ? state.Days.DayOf(newImage.CreatedAt) : default;
        if (removesOld && addsNew && oldDay == newDay)
        {
            var delta = newImage.Contribution - oldImage.Contribution;
            if (!delta.IsZero)
            {
                state.Add(new DeltaEntry(sequence, oldDay, delta));
            }
        }
        else
        {
            if (removesOld)
            {
                state.Add(new DeltaEntry(sequence, oldDay, -oldImage.Contribution));
            }

            if (addsNew)
            {
                state.Add(new DeltaEntry(sequence, newDay, newImage.Contribution));
            }
        }

        return eventName != EventName.Remove && !newImage.IsValid ? newImage.Error : SkipReason.None;
    }

    private static void Once(ref int seen, int bit, int index, string property)
    {
        if ((seen & bit) != 0)
        {
            throw new StreamEventFormatException($"The property 'Records[{index}].{property}' appears twice: expected it once.");
        }

        seen |= bit;
    }

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

    /// <summary>
    /// Reads an item image; false when it is absent (null). Only the three reward attributes are looked at. An image
    /// that names one of them twice is unreadable in itself, so it neither adds (INSERT) nor subtracts (REMOVE).
    /// </summary>
    private bool ReadImage(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index, string property, out RewardImage image)
    {
        image = default;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StreamEventFormatException(
                $"Records[{index}].{property} is a JSON {Describe(reader.TokenType)}: expected a DynamoDB item (an object of attribute values).");
        }

        AttributeText type = default, amount = default, created = default;
        var duplicate = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader);
            if (name.SequenceEqual(_schema.TypeUtf8))
            {
                duplicate |= type.Kind != AttributeKind.Missing;
                type = ReadAttribute(ref reader);
            }
            else if (name.SequenceEqual(_schema.AmountUtf8))
            {
                duplicate |= amount.Kind != AttributeKind.Missing;
                amount = ReadAttribute(ref reader);
            }
            else if (name.SequenceEqual(_schema.CreatedAtUtf8))
            {
                duplicate |= created.Kind != AttributeKind.Missing;
                created = ReadAttribute(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        image = duplicate
            ? new RewardImage(SkipReason.DuplicateAttribute, default, 0m, default)
            : RewardImageRules.Evaluate(
                type.Kind, type.Bytes(json), amount.Kind, amount.Bytes(json), created.Kind, created.Bytes(json));
        return true;
    }

    /// <summary>
    /// Reads one attribute value (<c>{"S": "…"}</c>, <c>{"N": "…"}</c>, anything else is <see cref="AttributeKind.Other"/>)
    /// where it lies in the payload; only a value with JSON escapes is copied out, unescaped.
    /// </summary>
    private static AttributeText ReadAttribute(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new AttributeText(AttributeKind.Other);
        }

        var value = new AttributeText(AttributeKind.Missing);
        var descriptors = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            descriptors++;
            var descriptor = PropertyName(ref reader);
            var isS = descriptor.SequenceEqual("S"u8);
            var isN = descriptor.SequenceEqual("N"u8);
            reader.Read();
            if ((isS || isN) && reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= MaxScalarBytes)
            {
                var kind = isS ? AttributeKind.S : AttributeKind.N;
                if (reader.ValueIsEscaped)
                {
                    var unescaped = new byte[reader.ValueSpan.Length];
                    value = new AttributeText(kind, 0, reader.CopyString(unescaped), unescaped);
                }
                else
                {
                    value = new AttributeText(kind, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                }
            }
            else
            {
                reader.Skip();
                value = new AttributeText(AttributeKind.Other);
            }
        }

        return descriptors == 1 ? value : new AttributeText(AttributeKind.Other);
    }

    /// <summary>An attribute value's kind and text: a slice of the payload, or an unescaped copy when it had escapes.</summary>
    private readonly record struct AttributeText(AttributeKind Kind, int Start = 0, int Length = 0, byte[]? Unescaped = null)
    {
        public ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> json) => (Unescaped ?? json).Slice(Start, Length);
    }
}
