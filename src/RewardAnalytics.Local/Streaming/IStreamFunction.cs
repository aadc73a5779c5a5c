using RewardAnalytics.Local.Stream;

namespace RewardAnalytics.Local.Streaming;

/// <summary>A function the driver invokes with a tumbling-window stream event; a thrown exception is a function error.</summary>
public interface IStreamFunction
{
    /// <summary>Invokes the function with one batch; a thrown exception is a function error.</summary>
    Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>One invocation: the event's bytes, the records in it, and the fault the function itself should suffer.</summary>
public sealed record StreamInvocation(string ShardId, byte[] Payload, IReadOnlyList<StreamRecord> Records, bool IsFinalInvokeForWindow, InjectedFault Fault);

/// <summary>The function's tumbling-window response as Lambda reads it: the sequence numbers to retry from.</summary>
public sealed record StreamFunctionResponse(IReadOnlyList<string> BatchItemFailures)
{
    /// <summary>A response with no batch item failures: the whole batch succeeded.</summary>
    public static StreamFunctionResponse Success { get; } = new([]);
}
