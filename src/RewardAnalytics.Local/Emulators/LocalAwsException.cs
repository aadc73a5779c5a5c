namespace RewardAnalytics.Local.Emulators;

/// <summary>The local emulators could not be installed or started; the message says why and what to do.</summary>
public sealed class LocalAwsException : Exception
{
    /// <summary>The local world could not start or be reached; the message says which emulator and why.</summary>
    public LocalAwsException(string message) : base(message) { }

    /// <summary>The local world failed because of <paramref name="inner"/>.</summary>
    public LocalAwsException(string message, Exception inner) : base(message, inner) { }

    /// <summary>A local world failure without details.</summary>
    public LocalAwsException() { }
}
