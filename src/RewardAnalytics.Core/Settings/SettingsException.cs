namespace RewardAnalytics.Core.Settings;

/// <summary>One or more settings are missing or malformed; the message names every variable and what it should hold.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(IReadOnlyList<string> problems)
        : base("Invalid settings: " + string.Join("; ", problems)) => Problems = problems;

    public SettingsException(string message) : base(message) => Problems = [message];

    public SettingsException() : this("unknown problem") { }

    public SettingsException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
