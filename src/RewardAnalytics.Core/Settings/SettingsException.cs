namespace RewardAnalytics.Core.Settings;

/// <summary>One or more settings are missing or malformed; the message names every variable and what it should hold.</summary>
public sealed class SettingsException : Exception
{
    /// <summary>Invalid settings, listing every <paramref name="problems"/> entry in the message.</summary>
    public SettingsException(IReadOnlyList<string> problems)
        : base("Invalid settings: " + string.Join("; ", problems)) => Problems = problems;

    /// <summary>Invalid settings with a single problem.</summary>
    public SettingsException(string message) : base(message) => Problems = [message];

    /// <summary>Invalid settings without details.</summary>
    public SettingsException() : this("unknown problem") { }

    /// <summary>Invalid settings with a single problem, caused by <paramref name="inner"/>.</summary>
    public SettingsException(string message, Exception inner) : base(message, inner) => Problems = [message];

    /// <summary>Every problem found, one sentence each, naming the variable and what it should hold.</summary>
    public IReadOnlyList<string> Problems { get; }
}
