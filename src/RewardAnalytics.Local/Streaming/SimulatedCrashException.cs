namespace RewardAnalytics.Local.Streaming;

/// <summary>The fault plan killed the function; Lambda sees a function error and retries the batch.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException(string message) : base(message) { }

    public SimulatedCrashException(string message, Exception inner) : base(message, inner) { }

    public SimulatedCrashException() { }
}
