using System.Text.Json;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// Reads a record's item image into a <see cref="RewardImage"/>: only the reward's three attributes (named by the
/// schema) are looked at, where they lie in the payload, and judged by <see cref="RewardImageRules"/>.
/// </summary>
internal sealed class RewardImageReader(RewardImageSchema schema)
{
    private const int MaxScalarBytes = 256;

    /// <summary>
    /// Reads an item image; null when it is absent (JSON null). Only the three reward attributes are looked at. An image
    /// that names one of them twice is unreadable in itself, so it neither adds (INSERT) nor subtracts (REMOVE).
    /// </summary>
    public RewardImage? Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index, string property)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StreamEventFormatException(
                $"Records[{index}].{property} is a JSON {JsonText.Describe(reader.TokenType)}: expected a DynamoDB item (an object of attribute values).");
        }

        AttributeText type = default, amount = default, created = default;
        var duplicate = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonText.PropertyName(ref reader);
            if (name.SequenceEqual(schema.TypeUtf8))
            {
                duplicate |= type.Kind != AttributeKind.Missing;
                type = ReadAttribute(ref reader);
            }
            else if (name.SequenceEqual(schema.AmountUtf8))
            {
                duplicate |= amount.Kind != AttributeKind.Missing;
                amount = ReadAttribute(ref reader);
            }
            else if (name.SequenceEqual(schema.CreatedAtUtf8))
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

        return duplicate
            ? new RewardImage(SkipReason.DuplicateAttribute, default, 0m, default)
            : RewardImageRules.Evaluate(
                type.Kind, type.Bytes(json), amount.Kind, amount.Bytes(json), created.Kind, created.Bytes(json));
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
            var descriptor = JsonText.PropertyName(ref reader);
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
