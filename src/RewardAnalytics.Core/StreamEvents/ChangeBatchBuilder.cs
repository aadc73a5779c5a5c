using System.Buffers;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// What one read has gathered so far, kept on the reader's stack: the changes in a pooled buffer, the highest sequence
/// number read, the records that cannot count, and where the records say they come from.
/// </summary>
internal struct ChangeBatchBuilder()
{
    private StreamChange[] _changes = ArrayPool<StreamChange>.Shared.Rent(64);
    private SequenceNumber? _lastSequence;
    private List<SkippedRecord>? _skipped;
    private string? _otherSource;

    /// <summary>How many records have been read, counted or not: the index of the next one.</summary>
    public int Count { get; private set; }

    /// <summary>How many records named <c>aws:dynamodb</c> as their <c>eventSource</c>.</summary>
    public int FromDynamoDb { get; private set; }

    /// <summary>The index of the first record from another service; meaningful only when <see cref="OtherSource"/> is set.</summary>
    public int OtherSourceIndex { get; private set; }

    /// <summary>The <c>eventSource</c> of the first record from another service (<c>aws:s3</c>, <c>aws:sqs</c>); null when there was none.</summary>
    public readonly string? OtherSource => _otherSource;

    /// <summary>Adds a record that was read: its sequence number is taken as read.</summary>
    public void Add(in StreamChange change)
    {
        Append(change);
        _lastSequence = _lastSequence is { } last ? SequenceNumber.Max(last, change.Sequence) : change.Sequence;
    }

    /// <summary>Counts a record that could not be read: a change that touches no day, its sequence number not taken as read.</summary>
    public void AddUncounted(SequenceNumber sequence) => Append(new StreamChange(sequence, ChangeKind.Unknown, false, null, null));

    /// <summary>Counts a record whose <c>eventSource</c> is <c>aws:dynamodb</c>.</summary>
    public void NoteFromDynamoDb() => FromDynamoDb++;

    /// <summary>
    /// Counts a record that another service sent (its <c>eventSource</c>, <paramref name="source"/>, is not
    /// <c>aws:dynamodb</c>); the first one is kept to be named when the read refuses the batch.
    /// </summary>
    public void AddFromOtherService(int index, string source)
    {
        Append(new StreamChange(SequenceNumber.MinValue, ChangeKind.Unknown, false, null, null));
        if (_otherSource is null)
        {
            _otherSource = source;
            OtherSourceIndex = index;
        }
    }

    /// <summary>Lists a record as skipped, with why.</summary>
    public void Skip(SkippedRecord skipped) => (_skipped ??= []).Add(skipped);

    /// <summary>The batch of what was read; it owns the pooled buffer from here on.</summary>
    public readonly StreamChangeBatch ToBatch(StreamEnvelope envelope) =>
        new(envelope, _changes, Count, _skipped ?? (IReadOnlyList<SkippedRecord>)[], _lastSequence);

    /// <summary>Returns the pooled buffer when the read failed and no batch will own it.</summary>
    public readonly void ReturnBuffer() => ArrayPool<StreamChange>.Shared.Return(_changes);

    private void Append(in StreamChange change)
    {
        if (Count == _changes.Length)
        {
            var bigger = ArrayPool<StreamChange>.Shared.Rent(_changes.Length * 2);
            _changes.AsSpan(0, Count).CopyTo(bigger);
            ArrayPool<StreamChange>.Shared.Return(_changes);
            _changes = bigger;
        }

        _changes[Count++] = change;
    }
}
