namespace RewardAnalytics.Cli;

/// <summary>A command was given input it cannot use; the message names the input and the expected form (exit code 2).</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }

    public UsageException() { }
}
