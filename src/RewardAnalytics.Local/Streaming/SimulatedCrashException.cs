namespace RewardAnalytics.Local.Streaming;

/// <summary>The fault plan killed the function; Lambda sees a function error and retries the batch.</summary>
internal sealed class SimulatedCrashException : Exception
{
    /// <summary>An injected crash; the message says where the function died.</summary>
    public SimulatedCrashException(string message) : base(message) { }

    /// <summary>An injected crash caused by <paramref name="inner"/>.</summary>
    public SimulatedCrashException(string message, Exception inner) : base(message, inner) { }

    /// <summary>An injected crash without details.</summary>
    public SimulatedCrashException() { }
}
