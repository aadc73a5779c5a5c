namespace RewardAnalytics.LambdaHost;

/// <summary>A handler string that does not resolve to a method the runtime could call, with the reason.</summary>
public sealed class HandlerBindingException : Exception
{
    public HandlerBindingException()
    {
    }

    public HandlerBindingException(string message)
        : base(message)
    {
    }

    public HandlerBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
