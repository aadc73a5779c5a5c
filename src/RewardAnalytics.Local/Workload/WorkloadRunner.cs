using RewardAnalytics.Local.Streaming;

namespace RewardAnalytics.Local.Workload;

/// <summary>
/// Runs workload writes through a <see cref="RecordingRewardsTable"/> on several lanes at once. A key always goes to
/// the same lane and each lane keeps the workload's order, so each key's writes happen in order; their stream
/// positions come from the operations' own order, so the stream is the same however the lanes interleave.
/// </summary>
public sealed class WorkloadRunner
{
    private readonly RecordingRewardsTable _table;
    private readonly int _lanes;

    /// <summary>A runner writing through <paramref name="table"/> on <paramref name="lanes"/> lanes.</summary>
    public WorkloadRunner(RecordingRewardsTable table, int lanes = 8)
    {
        _table = table;
        _lanes = Math.Max(1, lanes);
    }

    /// <summary>Raised after each write completes (progress display).</summary>
    public event Action? OperationDone;

    /// <summary>Makes every write, each key's writes in order on its lane.</summary>
    public async Task RunAsync(IEnumerable<WorkloadOperation> operations, CancellationToken cancellationToken)
    {
        var lanes = operations
            .GroupBy(o => (int)(StableHash.Of("lane", o.RewardId) % (ulong)_lanes))
            .Select(lane => RunLaneAsync(lane.ToArray(), cancellationToken));
        await Task.WhenAll(lanes).ConfigureAwait(false);
    }

    private async Task RunLaneAsync(WorkloadOperation[] operations, CancellationToken ct)
    {
        await Task.Yield();
        foreach (var op in operations)
        {
            await ApplyAsync(_table, op, ct).ConfigureAwait(false);
            OperationDone?.Invoke();
        }
    }

    /// <summary>Makes one write of the workload through <paramref name="table"/>, at its own order and time.</summary>
    public static Task ApplyAsync(RecordingRewardsTable table, WorkloadOperation op, CancellationToken ct)
    {
        var at = op.At.ToDateTimeOffset();
        return op switch
        {
            { Item: { } item } => table.PutAsync(item, op.Order, at, ct),
            { Set: { } set } => table.UpdateAsync(op.Key, set, op.Order, at, ct),
            { Kind: WorkloadKind.TtlExpiry } => table.ExpireAsync(op.Key, op.Order, at, ct),
            _ => table.DeleteAsync(op.Key, op.Order, at, ct),
        };
    }
}
