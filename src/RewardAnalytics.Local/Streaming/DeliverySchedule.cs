namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The event source mapping being played: batch size, tumbling window, what happens to a failing batch. One
/// shard's batches are delivered one at a time in order (ParallelizationFactor 1); different shards in parallel.
/// </summary>
public sealed record DeliverySchedule
{
    /// <summary>Records per batch when none is configured (the mapping's BatchSize default for DynamoDB streams).</summary>
    public const int DefaultBatchSize = 100;

    /// <summary>BatchSize: the most records one invocation gets.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>TumblingWindowInSeconds: windows by the records' ApproximateCreationDateTime, aligned to the epoch.</summary>
    public TimeSpan TumblingWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>BisectBatchOnFunctionError: a failing batch is split in two and each half retried.</summary>
    public bool BisectBatchOnFunctionError { get; init; } = true;

    /// <summary>After this many failed attempts the records go to the on-failure destination and the shard moves on.</summary>
    public int MaximumRetryAttempts { get; init; } = 10;

    /// <summary>
    /// Wait before retrying a batch that failed for a reason the fault plan did not inject (an emulator that went away,
    /// a real bug), doubled each attempt up to <see cref="MaxRetryBackoff"/>, as Lambda backs off its retries. Injected
    /// faults are retried at once. Zero (the default) retries everything at once.
    /// </summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.Zero;

    /// <summary>The longest wait between retries of a failing batch.</summary>
    public TimeSpan MaxRetryBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many shards are delivered at the same time.</summary>
    public int ParallelShards { get; init; } = 4;

    /// <summary>Keep a log of every delivery attempt (tests and the reliability suite read it).</summary>
    public bool RecordAttempts { get; init; } = true;

    /// <summary>Checks the values are in the ranges Lambda accepts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (BatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "expected a batch size from 1 to 10000");
        }

        if (TumblingWindow < TimeSpan.FromSeconds(1) || TumblingWindow > TimeSpan.FromSeconds(900))
        {
            throw new ArgumentOutOfRangeException(nameof(TumblingWindow), TumblingWindow, "expected a tumbling window from 1 to 900 seconds");
        }

        if (RetryBackoff < TimeSpan.Zero || MaxRetryBackoff < RetryBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryBackoff), RetryBackoff, "expected 0 <= RetryBackoff <= MaxRetryBackoff");
        }

        if (MaximumRetryAttempts < 0 || ParallelShards < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumRetryAttempts), "expected MaximumRetryAttempts >= 0 and ParallelShards >= 1");
        }
    }
}
