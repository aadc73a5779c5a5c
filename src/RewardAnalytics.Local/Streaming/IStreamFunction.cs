namespace RewardAnalytics.Local.Streaming;

/// <summary>A function the driver invokes with a tumbling-window stream event; a thrown exception is a function error.</summary>
public interface IStreamFunction
{
    /// <summary>Invokes the function with one batch; a thrown exception is a function error.</summary>
    Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken);
}
