using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>A function the driver invokes with a tumbling-window stream event; a thrown exception is a function error.</summary>
public interface IStreamFunction
{
    Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>One invocation: the event's bytes, the records in it, and the fault the function itself should suffer.</summary>
public sealed record StreamInvocation(string ShardId, byte[] Payload, IReadOnlyList<StreamRecord> Records, bool IsFinalInvokeForWindow, InjectedFault Fault);

/// <summary>The function's tumbling-window response as Lambda reads it: the sequence numbers to retry from.</summary>
public sealed record StreamFunctionResponse(IReadOnlyList<string> BatchItemFailures)
{
    public static StreamFunctionResponse Success { get; } = new([]);
}
