using System.Text;
using NodaTime;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// The one definition of a readable reward image, shared by the stream path (UTF-8 bytes of the event) and the
/// scan path (attribute values of the table), so that the running totals and the ground truth can never disagree
/// about which items count.
/// </summary>
public static class RewardImageRules
{
    private static ReadOnlySpan<byte> Issued => "ISSUED"u8;
    private static ReadOnlySpan<byte> Redeemed => "REDEEMED"u8;

    /// <summary>Reads an image from its three attributes' DynamoDB types and UTF-8 values; the first problem found is the image's <see cref="RewardImage.Error"/>.</summary>
    public static RewardImage Evaluate(
        AttributeKind typeKind, ReadOnlySpan<byte> type,
        AttributeKind amountKind, ReadOnlySpan<byte> amount,
        AttributeKind createdAtKind, ReadOnlySpan<byte> createdAt)
    {
        RewardKind kind;
        switch (typeKind)
        {
            case AttributeKind.Missing:
                return Invalid(SkipReason.TypeMissing);
            case AttributeKind.S when System.Text.Ascii.EqualsIgnoreCase(type, Issued):
                kind = RewardKind.Issued;
                break;
            case AttributeKind.S when System.Text.Ascii.EqualsIgnoreCase(type, Redeemed):
                kind = RewardKind.Redeemed;
                break;
            case AttributeKind.S:
                return Invalid(SkipReason.TypeUnknown);
            default:
                return Invalid(SkipReason.TypeNotString);
        }

        switch (amountKind)
        {
            case AttributeKind.Missing:
                return Invalid(SkipReason.AmountMissing);
            case AttributeKind.N:
                break;
            default:
                return Invalid(SkipReason.AmountNotNumber);
        }

        if (!DynamoNumber.TryParse(amount, out var value, out var numberError))
        {
            return Invalid(numberError switch
            {
                NumberError.OutOfRange => SkipReason.AmountOutOfRange,
                NumberError.TooPrecise => SkipReason.AmountTooPrecise,
                _ => SkipReason.AmountInvalid,
            });
        }

        if (value < 0m)
        {
            return Invalid(SkipReason.AmountNegative);
        }

        // Within these bounds no day's sum can overflow or round (see AmountBounds), and the scan counts by the same rule.
        if (value >= AmountBounds.AmountLimit)
        {
            return Invalid(SkipReason.AmountOutOfRange);
        }

        if (!AmountBounds.HasCountableScale(value))
        {
            return Invalid(SkipReason.AmountTooPrecise);
        }

        var instant = default(Instant);
        var dateError = createdAtKind switch
        {
            AttributeKind.Missing => SkipReason.CreatedAtMissing,
            AttributeKind.S => CreatedAt.TryParseText(createdAt, out instant),
            AttributeKind.N => CreatedAt.TryParseEpoch(createdAt, out instant),
            _ => SkipReason.CreatedAtWrongType,
        };
        return dateError == SkipReason.None ? new RewardImage(SkipReason.None, kind, value, instant) : Invalid(dateError);
    }

    /// <summary>The same rules over attribute values as the SDK returns them (<c>null</c> kind text means missing).</summary>
    public static RewardImage Evaluate(
        AttributeKind typeKind, string? type, AttributeKind amountKind, string? amount, AttributeKind createdAtKind, string? createdAt) =>
        Evaluate(
            typeKind, Encoding.UTF8.GetBytes(type ?? string.Empty),
            amountKind, Encoding.UTF8.GetBytes(amount ?? string.Empty),
            createdAtKind, Encoding.UTF8.GetBytes(createdAt ?? string.Empty));

    private static RewardImage Invalid(SkipReason reason) => new(reason, default, 0m, default);
}
