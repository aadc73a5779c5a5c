namespace RewardAnalytics.Local.Workload;

/// <summary>
/// A generated workload: the writes of each day (phases 0 … Days − 1, each written during that day) and then the
/// late writes for days already finalized (the last phase).
/// </summary>
public sealed class WorkloadPlan
{
    internal WorkloadPlan(WorkloadOptions options, IReadOnlyList<WorkloadOperation> operations)
    {
        Options = options;
        Operations = operations;
    }

    public WorkloadOptions Options { get; }
    public IReadOnlyList<WorkloadOperation> Operations { get; }

    /// <summary>The days, then one phase of late writes.</summary>
    public int PhaseCount => Options.Days + 1;

    public int LatePhase => Options.Days;

    public IReadOnlyList<WorkloadOperation> Phase(int phase) => Operations.Where(o => o.Phase == phase).ToArray();

    public int Count(WorkloadKind kind) => Operations.Count(o => o.Kind == kind);

    public static WorkloadPlan Generate(WorkloadOptions options) => new WorkloadGenerator(options).Generate();
}
