namespace RewardAnalytics.Local.Streaming;

/// <summary>What the driver did, counted thread-safely while shards are delivered in parallel.</summary>
public sealed class DeliveryCounters
{
    private long _invocations;
    private long _recordsDelivered;
    private long _retries;
    private long _bisections;
    private long _partialBatchRetries;
    private long _functionErrors;
    private long _duplicateDeliveries;
    private long _crashesBeforeResponse;
    private long _crashesMidBatch;
    private long _throttles;
    private long _finalInvokes;
    private long _emptyFinalInvokes;
    private long _recordsSentToOnFailureDestination;
    private long _reversedBisections;
    private long _staleRedeliveries;
    private long _maximumDepthUpperFirst;
    private long _maximumDepthLowerFirst;
    private long _deepestBisection;

    /// <summary>Invocations of the function, duplicates and retries included.</summary>
    public long Invocations => Interlocked.Read(ref _invocations);

    /// <summary>Records handed over for the first time (each committed record once).</summary>
    public long RecordsDelivered => Interlocked.Read(ref _recordsDelivered);

    /// <summary>Re-deliveries after a failure: whole-batch retries, bisected halves and partial-batch retries.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Failing batches split in two (BisectBatchOnFunctionError).</summary>
    public long Bisections => Interlocked.Read(ref _bisections);
    /// <summary>Retries from a reported batch item failure.</summary>
    public long PartialBatchRetries => Interlocked.Read(ref _partialBatchRetries);
    /// <summary>Invocations that ended in a function error.</summary>
    public long FunctionErrors => Interlocked.Read(ref _functionErrors);
    /// <summary>Successful batches delivered again (injected duplicates).</summary>
    public long DuplicateDeliveries => Interlocked.Read(ref _duplicateDeliveries);
    /// <summary>Invocations that wrote and then died before responding (injected).</summary>
    public long CrashesBeforeResponse => Interlocked.Read(ref _crashesBeforeResponse);
    /// <summary>Invocations that died after their first aggregate write (injected).</summary>
    public long CrashesMidBatch => Interlocked.Read(ref _crashesMidBatch);
    /// <summary>Aggregate writes throttled beyond the SDK's retries (injected).</summary>
    public long Throttles => Interlocked.Read(ref _throttles);
    /// <summary>Invocations flagged <c>isFinalInvokeForWindow</c>.</summary>
    public long FinalInvokes => Interlocked.Read(ref _finalInvokes);
    /// <summary>Final invocations that carried no records.</summary>
    public long EmptyFinalInvokes => Interlocked.Read(ref _emptyFinalInvokes);

    /// <summary>Bisections whose upper half went first: never-applied records arriving after later ones.</summary>
    public long ReversedBisections => Interlocked.Read(ref _reversedBisections);

    /// <summary>Batches bisected down to their first record with the upper half first at every level.</summary>
    public long MaximumDepthBisectionsUpperFirst => Interlocked.Read(ref _maximumDepthUpperFirst);

    /// <summary>Batches bisected down to their first record with the lower half first at every level.</summary>
    public long MaximumDepthBisectionsLowerFirst => Interlocked.Read(ref _maximumDepthLowerFirst);

    /// <summary>The most levels one batch was bisected through.</summary>
    public long DeepestBisection => Interlocked.Read(ref _deepestBisection);

    /// <summary>Batches processed already and delivered again after newer ones.</summary>
    public long StaleRedeliveries => Interlocked.Read(ref _staleRedeliveries);

    /// <summary>Records given up on after MaximumRetryAttempts (should stay 0: each is a total that needs <c>reconcile --fix</c>).</summary>
    public long RecordsSentToOnFailureDestination => Interlocked.Read(ref _recordsSentToOnFailureDestination);

    internal void Invocation(bool isFinal, int records)
    {
        Interlocked.Increment(ref _invocations);
        if (isFinal)
        {
            Interlocked.Increment(ref _finalInvokes);
            if (records == 0)
            {
                Interlocked.Increment(ref _emptyFinalInvokes);
            }
        }
    }

    internal void Delivered(int records) => Interlocked.Add(ref _recordsDelivered, records);
    internal void Retry() => Interlocked.Increment(ref _retries);
    internal void Bisection() => Interlocked.Increment(ref _bisections);
    internal void ReversedBisection() => Interlocked.Increment(ref _reversedBisections);
    internal void MaximumDepthBisection(bool upperFirst, int levels)
    {
        Interlocked.Increment(ref upperFirst ? ref _maximumDepthUpperFirst : ref _maximumDepthLowerFirst);
        long seen;
        while ((seen = Interlocked.Read(ref _deepestBisection)) < levels && Interlocked.CompareExchange(ref _deepestBisection, levels, seen) != seen)
        {
        }
    }

    internal void StaleRedelivery() => Interlocked.Increment(ref _staleRedeliveries);
    internal void PartialBatchRetry() => Interlocked.Increment(ref _partialBatchRetries);
    internal void FunctionError() => Interlocked.Increment(ref _functionErrors);
    internal void SentToOnFailureDestination(int records) => Interlocked.Add(ref _recordsSentToOnFailureDestination, records);

    internal void Injected(InjectedFault fault)
    {
        switch (fault)
        {
            case InjectedFault.DuplicateDelivery: Interlocked.Increment(ref _duplicateDeliveries); break;
            case InjectedFault.CrashBeforeResponse: Interlocked.Increment(ref _crashesBeforeResponse); break;
            case InjectedFault.CrashMidBatch: Interlocked.Increment(ref _crashesMidBatch); break;
            case InjectedFault.Throttle: Interlocked.Increment(ref _throttles); break;
            default: break;
        }
    }
}
