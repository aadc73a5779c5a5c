using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// The entries of a redelivered day group that its item had applied already, and those older than its applied history
/// can tell apart (assumed applied; <see cref="BeyondFirst"/>..<see cref="BeyondLast"/> is their sequence range).
/// </summary>
public readonly record struct HistoryOverlap(int Applied, int BeyondHistory, SequenceNumber? BeyondFirst, SequenceNumber? BeyondLast)
{
    /// <summary>This overlap with one more entry found in the item's applied history.</summary>
    public HistoryOverlap WithApplied() => this with { Applied = Applied + 1 };

    /// <summary>This overlap with one more entry older than the applied history, widening the beyond-history range to include <paramref name="sequence"/>.</summary>
    public HistoryOverlap WithBeyondHistory(SequenceNumber sequence) => this with
    {
        BeyondHistory = BeyondHistory + 1,
        BeyondFirst = BeyondFirst is { } f ? SequenceNumber.Min(f, sequence) : sequence,
        BeyondLast = BeyondLast is { } l ? SequenceNumber.Max(l, sequence) : sequence,
    };
}
