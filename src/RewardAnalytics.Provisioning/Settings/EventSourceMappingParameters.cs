namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// The rewards-stream → aggregator event source mapping. Two values are not preferences but requirements of the
/// aggregator's exactly-once design: a tumbling window (so every invocation carries <c>shardId</c>) and
/// <c>ParallelizationFactor = 1</c> (so a shard's records arrive in sequence order under its watermark). Both are
/// enforced here, where the values are made, so no caller can build a mapping that breaks them.
/// </summary>
public sealed record EventSourceMappingParameters
{
    /// <summary>The only parallelization factor the per-(day, shard) watermarks allow.</summary>
    public const int RequiredParallelizationFactor = 1;
    /// <summary>Records per batch when none is configured.</summary>
    public const int DefaultBatchSize = 100;
    /// <summary>Seconds Lambda may wait to fill a batch when none is configured.</summary>
    public const int DefaultMaximumBatchingWindowSeconds = 5;
    /// <summary>Tumbling window when none is configured.</summary>
    public const int DefaultTumblingWindowSeconds = 60;
    /// <summary>Retries of a failing batch when none is configured.</summary>
    public const int DefaultMaximumRetryAttempts = 10;
    /// <summary>The smallest record age limit Lambda accepts.</summary>
    public const int MinimumMaximumRecordAgeSeconds = 60;
    /// <summary>The largest record age limit Lambda accepts (seven days).</summary>
    public const int MaximumMaximumRecordAgeSeconds = 604800;

    /// <summary>Lambda's "no record age limit": a record is retried until the stream's own 24-hour retention drops it.</summary>
    public const int KeepRecordsUntilStreamRetention = -1;

    /// <summary>Record age limit when none is configured: none.</summary>
    public const int DefaultMaximumRecordAgeSeconds = KeepRecordsUntilStreamRetention;
    /// <summary>Start with changes made after the mapping exists.</summary>
    public const string Latest = "LATEST";
    /// <summary>Start with the oldest record the stream still holds (24 hours).</summary>
    public const string TrimHorizon = "TRIM_HORIZON";

    /// <summary>The aggregator answers with <c>batchItemFailures</c>: Lambda must read them.</summary>
    public static readonly IReadOnlyList<string> FunctionResponseTypes = ["ReportBatchItemFailures"];

    /// <summary>Mapping metrics (<c>EventCount</c>): polled, invoked, failed, dropped and on-failure-delivered events.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["EventCount"];

    /// <summary>Mapping parameters with a tumbling window and parallelization factor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is outside 1–900 seconds, or the factor is not 1.</exception>
    public EventSourceMappingParameters(
        int tumblingWindowSeconds = DefaultTumblingWindowSeconds,
        int parallelizationFactor = RequiredParallelizationFactor)
    {
        if (tumblingWindowSeconds is < 1 or > 900)
        {
            throw new ArgumentOutOfRangeException(nameof(tumblingWindowSeconds), tumblingWindowSeconds,
                "The stream aggregator needs a tumbling window of 1 to 900 seconds: it reads the shardId that only tumbling-window invocations carry.");
        }

        if (parallelizationFactor != RequiredParallelizationFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(parallelizationFactor), parallelizationFactor,
                "ParallelizationFactor must be 1: the per-(day, shard) watermarks count a record once only if a shard's records arrive in sequence order.");
        }

        TumblingWindowSeconds = tumblingWindowSeconds;
        ParallelizationFactor = parallelizationFactor;
    }

    /// <summary>TumblingWindowInSeconds: every invocation carries its shard id and one window's records.</summary>
    public int TumblingWindowSeconds { get; }
    /// <summary>ParallelizationFactor: always 1, so a shard's records arrive in sequence order.</summary>
    public int ParallelizationFactor { get; }
    /// <summary>BatchSize: the most records one invocation gets.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
    /// <summary>MaximumBatchingWindowInSeconds: how long Lambda may wait to fill a batch.</summary>
    public int MaximumBatchingWindowSeconds { get; init; } = DefaultMaximumBatchingWindowSeconds;
    /// <summary>BisectBatchOnFunctionError: a failing batch is split in two and each half retried, isolating a bad record.</summary>
    public bool BisectBatchOnFunctionError { get; init; } = true;

    /// <summary>Bounded, so a batch that keeps failing reaches the on-failure destination instead of blocking its shard for a day.</summary>
    public int MaximumRetryAttempts { get; init; } = DefaultMaximumRetryAttempts;

    /// <summary>
    /// -1 by default: a healthy record that waits (throttling, a concurrency squeeze, a slow shard) is never sent to the
    /// failure bucket for its age, only when the stream's 24-hour retention would drop it anyway. A batch that keeps
    /// failing is still bounded, by <see cref="MaximumRetryAttempts"/>.
    /// </summary>
    public int MaximumRecordAgeSeconds { get; init; } = DefaultMaximumRecordAgeSeconds;

    /// <summary>LATEST: start with new changes (the stream's earlier 24 hours may predate the aggregates).</summary>
    public string StartingPosition { get; init; } = Latest;

    /// <summary>Reads and checks the mapping settings, recording problems in <paramref name="config"/>.</summary>
    internal static EventSourceMappingParameters FromConfig(StackConfigReader config)
    {
        var window = config.Integer(ConfigKeys.TumblingWindowSeconds, DefaultTumblingWindowSeconds, 1, 900,
            "the stream aggregator needs a tumbling window: it reads the shardId only tumbling-window invocations carry");
        var factor = config.Integer(ConfigKeys.ParallelizationFactor, RequiredParallelizationFactor, RequiredParallelizationFactor, RequiredParallelizationFactor,
            "the per-(day, shard) watermarks need a shard's records in sequence order; any other value would count records twice or lose them");
        return new EventSourceMappingParameters(window, factor)
        {
            BatchSize = config.Integer(ConfigKeys.BatchSize, DefaultBatchSize, 1, 10000),
            MaximumBatchingWindowSeconds = config.Integer(ConfigKeys.MaximumBatchingWindowSeconds, DefaultMaximumBatchingWindowSeconds, 0, 300),
            BisectBatchOnFunctionError = config.Boolean(ConfigKeys.BisectBatchOnFunctionError, true),
            MaximumRetryAttempts = config.Integer(ConfigKeys.MaximumRetryAttempts, DefaultMaximumRetryAttempts, 0, 10000,
                "bounded, so a failing batch reaches the failure destination instead of blocking its shard"),
            MaximumRecordAgeSeconds = config.IntegerOr(ConfigKeys.MaximumRecordAgeSeconds, DefaultMaximumRecordAgeSeconds,
                KeepRecordsUntilStreamRetention, "keep records until the stream's 24-hour retention drops them",
                MinimumMaximumRecordAgeSeconds, MaximumMaximumRecordAgeSeconds),
            StartingPosition = config.OneOf(ConfigKeys.StartingPosition, Latest, Latest, TrimHorizon),
        };
    }
}
