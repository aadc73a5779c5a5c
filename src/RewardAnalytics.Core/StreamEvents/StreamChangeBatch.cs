using System.Buffers;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// A parsed tumbling-window invocation from one shard: its envelope, one <see cref="StreamChange"/> per record in a
/// pooled buffer, and the records that cannot count. Dispose it once its changes are folded.
/// </summary>
public sealed class StreamChangeBatch : IDisposable
{
    private StreamChange[]? _changes;

    internal StreamChangeBatch(
        StreamEnvelope envelope, StreamChange[] changes, int count, IReadOnlyList<SkippedRecord> skipped, SequenceNumber? lastSequence)
    {
        Envelope = envelope;
        _changes = changes;
        RecordCount = count;
        Skipped = skipped;
        LastSequence = lastSequence;
    }

    /// <summary>The tumbling-window fields around the records: shard, event source ARN, window bounds.</summary>
    internal StreamEnvelope Envelope { get; }
    /// <summary>The shard the batch was read from.</summary>
    public string ShardId => Envelope.ShardId;
    /// <summary>Number of records in the batch.</summary>
    public int RecordCount { get; }

    /// <summary>The records that change no total or only take an old image off its day, with why (logged and counted).</summary>
    internal IReadOnlyList<SkippedRecord> Skipped { get; }

    /// <summary>The highest sequence number in the batch (null when it has no records).</summary>
    public SequenceNumber? LastSequence { get; }

    /// <summary>One change per record, in the order delivered. Lives in a pooled buffer: not after <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<StreamChange> Changes =>
        (_changes ?? throw new ObjectDisposedException(nameof(StreamChangeBatch), "The batch's changes went back to the pool when it was disposed.")).AsSpan(0, RecordCount);

    /// <summary>Returns the pooled change buffer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _changes, null) is { } changes)
        {
            ArrayPool<StreamChange>.Shared.Return(changes);
        }
    }
}
