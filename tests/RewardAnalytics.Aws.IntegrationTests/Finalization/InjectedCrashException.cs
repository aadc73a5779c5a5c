namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>Stands for the process dying right after a step completed.</summary>
public sealed class InjectedCrashException : Exception
{
    public InjectedCrashException() : base("injected crash") { }

    public InjectedCrashException(string message) : base(message) { }

    public InjectedCrashException(string message, Exception inner) : base(message, inner) { }
}
