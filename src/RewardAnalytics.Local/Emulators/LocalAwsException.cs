namespace RewardAnalytics.Local.Emulators;

/// <summary>The local emulators could not be installed or started; the message says why and what to do.</summary>
public sealed class LocalAwsException : Exception
{
    public LocalAwsException(string message) : base(message) { }

    public LocalAwsException(string message, Exception inner) : base(message, inner) { }

    public LocalAwsException() { }
}
