namespace RewardAnalytics.Cli;

/// <summary>A command was given input it cannot use; the message names the input and the expected form (exit code 2).</summary>
internal sealed class UsageException : Exception
{
    /// <summary>A usage error with a message that names the input and the expected form.</summary>
    public UsageException(string message) : base(message) { }

    /// <summary>A usage error caused by <paramref name="inner"/>.</summary>
    public UsageException(string message, Exception inner) : base(message, inner) { }

    /// <summary>A usage error without a message.</summary>
    public UsageException() { }
}
