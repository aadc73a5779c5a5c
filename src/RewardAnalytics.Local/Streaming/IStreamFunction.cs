using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>A function the driver invokes with a tumbling-window stream event; a thrown exception is a function error.</summary>
public interface IStreamFunction
{
    Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken);
}
