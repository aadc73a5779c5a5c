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

    /// <summary>The range as the aggregates table stores it: <c>first-last</c>, unpadded decimal digits.</summary>
    public override string ToString() => $"{First}-{Last}";

    /// <summary>Reads the stored <c>first-last</c> form; false for anything else, including a range whose last is below its first.</summary>
    public static bool TryParse(string? text, out SequenceRange range)
    {
        range = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0 || dash == text!.Length - 1)
        {
            return false;
        }

        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        if (!SequenceNumber.TryParse(bytes.AsSpan(0, dash), out var first) || !SequenceNumber.TryParse(bytes.AsSpan(dash + 1), out var last) || last < first)
        {
            return false;
        }

        range = new SequenceRange(first, last);
        return true;
    }
}
