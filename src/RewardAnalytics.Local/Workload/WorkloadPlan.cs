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

    /// <summary>The options the workload was generated from.</summary>
    public WorkloadOptions Options { get; }
    /// <summary>Every write, in the order they are made.</summary>
    public IReadOnlyList<WorkloadOperation> Operations { get; }

    /// <summary>The days, then one phase of late writes.</summary>
    public int PhaseCount => Options.Days + 1;

    /// <summary>The phase of late writes for days already finalized (after the last day's phase).</summary>
    public int LatePhase => Options.Days;

    /// <summary>The writes of one phase (a day, or the late phase).</summary>
    public IReadOnlyList<WorkloadOperation> Phase(int phase) => Operations.Where(o => o.Phase == phase).ToArray();

    /// <summary>Number of writes of <paramref name="kind"/>.</summary>
    public int Count(WorkloadKind kind) => Operations.Count(o => o.Kind == kind);

    /// <summary>Generates the workload <paramref name="options"/> describe (the same options give the same writes); cancellable between writes.</summary>
    public static WorkloadPlan Generate(WorkloadOptions options, CancellationToken cancellationToken = default) => new WorkloadGenerator(options).Generate(cancellationToken);
}
