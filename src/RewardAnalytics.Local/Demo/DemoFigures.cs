namespace RewardAnalytics.Local.Demo;

/// <summary>The figures of a run.</summary>
public sealed record DemoFigures(
    int WorkloadWrites,
    int RecordsStreamed,
    int PoisonRecords,
    long Invocations,
    long Retries,
    long Bisections,
    long PartialBatchRetries,
    long DuplicateDeliveries,
    long CrashesInjected,
    long ThrottlesInjected,
    long DuplicatesAbsorbed,
    long DynamoDbWrites,
    long WatermarkReads,
    int SkippedRecords,
    long RecordsSentToOnFailureDestination,
    int FinalizerRuns,
    TimeSpan Elapsed)
{
    /// <summary>Aggregate UpdateItem requests per 1,000 stream records: the cost the design keeps low.</summary>
    public double WritesPerThousandRecords => RecordsStreamed == 0 ? 0 : DynamoDbWrites * 1000.0 / RecordsStreamed;
}
