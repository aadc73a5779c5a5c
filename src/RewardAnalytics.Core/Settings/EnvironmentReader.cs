using System.Globalization;
using NodaTime;

namespace RewardAnalytics.Core.Settings;

/// <summary>
/// Reads settings from environment variables, collecting every problem so that start-up fails once with a
/// message naming each bad variable and what it should hold. Never falls back silently on a malformed value.
/// </summary>
public sealed class EnvironmentReader
{
    private readonly Func<string, string?> _get;
    private readonly List<string> _problems = [];

    /// <summary>A reader over <paramref name="get"/>, which returns a variable's value or null.</summary>
    public EnvironmentReader(Func<string, string?> get) => _get = get;

    /// <summary>Reads the process environment.</summary>
    public static EnvironmentReader FromProcess() => new(Environment.GetEnvironmentVariable);

    /// <summary>Reads a dictionary (tests, the CLI's overrides).</summary>
    public static EnvironmentReader From(IReadOnlyDictionary<string, string> values) =>
        new(name => values.TryGetValue(name, out var v) ? v : null);

    /// <summary>The trimmed value of <paramref name="name"/>, or null when it is unset or blank.</summary>
    public string? Raw(string name) => _get(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>The value of <paramref name="name"/>; when it is missing, records a problem saying it should hold <paramref name="what"/>.</summary>
    public string Required(string name, string what)
    {
        var value = Raw(name);
        if (value is null)
        {
            _problems.Add($"{name} is not set: expected {what}");
        }

        return value ?? string.Empty;
    }

    /// <summary>The value of <paramref name="name"/>, or <paramref name="defaultValue"/> when it is unset.</summary>
    public string Optional(string name, string defaultValue) => Raw(name) ?? defaultValue;

    /// <summary>A name such as a DynamoDB attribute: no surrounding whitespace, at most 255 characters.</summary>
    public string Name(string name, string defaultValue)
    {
        var value = Optional(name, defaultValue);
        if (value.Length > 255)
        {
            _problems.Add($"{name} is {value.Length} characters long: expected an attribute name of at most 255 characters");
        }

        return value;
    }

    /// <summary>The IANA time zone <paramref name="name"/> names (<paramref name="defaultValue"/> when unset); an unknown id is recorded as a problem.</summary>
    public DateTimeZone TimeZone(string name, string defaultValue = "UTC")
    {
        var id = Optional(name, defaultValue);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (zone is null)
        {
            _problems.Add($"{name} is '{id}': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'");
        }

        return zone ?? DateTimeZone.Utc;
    }

    /// <summary>The integer <paramref name="name"/> holds (<paramref name="defaultValue"/> when unset); a non-integer or a value outside [<paramref name="min"/>, <paramref name="max"/>] is recorded as a problem.</summary>
    public int Integer(string name, int defaultValue, int min, int max)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _problems.Add($"{name} is '{raw}': expected a whole number from {min} to {max}");
            return defaultValue;
        }

        return value;
    }

    /// <summary>Records a problem found by a caller's own check, so it is reported with all the others.</summary>
    public void Problem(string problem) => _problems.Add(problem);

    /// <summary>Throws one <see cref="SettingsException"/> listing every problem seen so far.</summary>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new SettingsException(_problems.ToArray());
        }
    }
}
