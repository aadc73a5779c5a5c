using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests;

/// <summary>A stream event read into changes and folded into day groups, as the aggregator does, for assertions.</summary>
internal sealed class FoldedEvent(StreamChangeBatch batch, FoldedBatch folded) : IDisposable
{
    public StreamEnvelope Envelope => batch.Envelope;
    public string ShardId => batch.ShardId;
    public int RecordCount => batch.RecordCount;
    public IReadOnlyList<SkippedRecord> Skipped => batch.Skipped;
    public SequenceNumber? LastSequence => batch.LastSequence;
    public StreamChange[] Changes => batch.Changes.ToArray();
    public IReadOnlyList<DayGroup> Days => folded.Days;
    public int TtlRemovals => folded.TtlRemovals;

    /// <summary>Every day group's entries, day by day, each day's in record order.</summary>
    public DeltaEntry[] Entries => folded.Days.SelectMany(d => d.Entries.ToArray()).ToArray();

    public void Dispose()
    {
        folded.Dispose();
        batch.Dispose();
    }
}
