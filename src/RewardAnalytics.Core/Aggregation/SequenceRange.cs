using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// The sequence numbers of one applied day group, first to last. A delivered batch is a contiguous slice of its
/// shard, so every record of that (day, shard) between <see cref="First"/> and <see cref="Last"/> was in the group.
/// </summary>
public readonly record struct SequenceRange(SequenceNumber First, SequenceNumber Last)
{
    /// <summary>True when <paramref name="sequence"/> lies between <see cref="First"/> and <see cref="Last"/> inclusive.</summary>
    public bool Contains(SequenceNumber sequence) => First <= sequence && sequence <= Last;

    /// <summary>True when the two ranges share at least one sequence number.</summary>
    public bool Overlaps(SequenceRange other) => First <= other.Last && other.First <= Last;

    /// <summary>
    /// The range as the aggregates table stores it: <c>first-last</c>, unpadded decimal digits, where <c>last</c> is
    /// written from the first digit in which it differs from <c>first</c> when both have as many digits
    /// (<c>300000000000000000021-35</c> for …021 to …035). A range is one batch's slice of a shard, so the two share
    /// most of their digits: the short form keeps a full history of 21- to 28-digit sequence numbers within one write unit.
    /// </summary>
    public override string ToString()
    {
        var first = First.ToString();
        var last = Last.ToString();
        if (first.Length != last.Length)
        {
            return $"{first}-{last}";
        }

        var same = 0;
        while (same < last.Length - 1 && first[same] == last[same])
        {
            same++;
        }

        return $"{first}-{last.AsSpan(same)}";
    }

    /// <summary>
    /// Reads the stored <c>first-last</c> form, <c>last</c> whole or as the digits that differ from <c>first</c>; false
    /// for anything else, including a range whose last is below its first.
    /// </summary>
    public static bool TryParse(string? text, out SequenceRange range)
    {
        range = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0 || dash == text!.Length - 1)
        {
            return false;
        }

        var firstText = text.AsSpan(0, dash);
        var lastText = text.AsSpan(dash + 1);
        var lastDigits = lastText.Length < firstText.Length
            ? string.Concat(firstText[..(firstText.Length - lastText.Length)], lastText)
            : lastText.ToString();
        if (!SequenceNumber.TryParse(System.Text.Encoding.ASCII.GetBytes(firstText.ToString()), out var first)
            || !SequenceNumber.TryParse(System.Text.Encoding.ASCII.GetBytes(lastDigits), out var last) || last < first)
        {
            return false;
        }

        range = new SequenceRange(first, last);
        return true;
    }
}
