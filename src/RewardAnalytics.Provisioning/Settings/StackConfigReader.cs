using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// Reads a stack's Pulumi config through a plain getter, collecting every problem so that <c>pulumi up</c> stops once
/// with a message naming each bad key (<c>project:key</c>) and what it should hold. Never falls back silently on a
/// malformed value: a value that is set must be valid.
/// </summary>
internal sealed partial class StackConfigReader
{
    private readonly string _project;
    private readonly Func<string, string?> _get;
    private readonly List<string> _problems = [];

    /// <summary>A reader of <paramref name="project"/>'s config keys through <paramref name="get"/> (which takes an unqualified key).</summary>
    public StackConfigReader(string project, Func<string, string?> get)
    {
        _project = project;
        _get = get;
    }

    /// <summary>Every problem recorded so far, one sentence each.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The key as a user writes it in <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public string Qualified(string key) => $"{_project}:{key}";

    /// <summary>Records a problem with <paramref name="key"/>; <paramref name="message"/> follows the qualified key.</summary>
    public void Problem(string key, string message) => _problems.Add($"{Qualified(key)} {message}");

    /// <summary>A problem that no single key causes (such as the stack name).</summary>
    public void Problem(string message) => _problems.Add(message);

    /// <summary>The trimmed value of <paramref name="key"/>, or null when it is unset or blank.</summary>
    public string? Raw(string key) => _get(key) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>The value of <paramref name="key"/>, or <paramref name="defaultValue"/> when it is unset.</summary>
    public string Text(string key, string defaultValue) => Raw(key) ?? defaultValue;

    /// <summary>The integer <paramref name="key"/> holds (<paramref name="defaultValue"/> when unset); a non-integer or a value outside [<paramref name="min"/>, <paramref name="max"/>] is recorded as a problem, with <paramref name="why"/> appended when given.</summary>
    public int Integer(string key, int defaultValue, int min, int max, string? why = null)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problem(key, $"is '{raw}': expected a whole number from {min} to {max}{(why is null ? string.Empty : " (" + why + ")")}");
            return defaultValue;
        }

        return value;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or one special value outside that range.</summary>
    public int IntegerOr(string key, int defaultValue, int special, string specialMeaning, int min, int max)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || (value != special && (value < min || value > max)))
        {
            Problem(key, $"is '{raw}': expected {special} ({specialMeaning}) or a whole number from {min} to {max}");
            return defaultValue;
        }

        return value;
    }

    /// <summary>The boolean <paramref name="key"/> holds (<paramref name="defaultValue"/> when unset); anything but true or false is recorded as a problem.</summary>
    public bool Boolean(string key, bool defaultValue)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (!bool.TryParse(raw, out var value))
        {
            Problem(key, $"is '{raw}': expected true or false");
            return defaultValue;
        }

        return value;
    }

    /// <summary>The value of <paramref name="key"/> if it is one of <paramref name="allowed"/> (<paramref name="defaultValue"/> when unset); anything else is recorded as a problem.</summary>
    public string OneOf(string key, string defaultValue, params string[] allowed)
    {
        var value = Text(key, defaultValue);
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            Problem(key, $"is '{value}': expected one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))}");
            return defaultValue;
        }

        return value;
    }

    /// <summary>The IANA time zone id <paramref name="key"/> holds (<paramref name="defaultValue"/> when unset); an unknown id is recorded as a problem.</summary>
    public string TimeZone(string key, string defaultValue)
    {
        var id = Text(key, defaultValue);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is null)
        {
            Problem(key, $"is '{id}': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'");
            return defaultValue;
        }

        return id;
    }

    /// <summary>
    /// A CloudWatch metric namespace (<paramref name="defaultValue"/> when unset): 1 to 255 of the characters CloudWatch
    /// allows (A-Z, a-z, 0-9, '.', '-', '_', '/', '#', ':', space), not all spaces, and not in the reserved <c>AWS/</c> space.
    /// </summary>
    public string MetricsNamespace(string key, string defaultValue)
    {
        var value = Text(key, defaultValue);
        if (!MetricsNamespacePattern().IsMatch(value) || value.StartsWith("AWS/", StringComparison.Ordinal))
        {
            Problem(key, $"is '{value}': expected a CloudWatch namespace of 1 to 255 characters (A-Z, a-z, 0-9, '.', '-', '_', '/', '#', ':', space), " +
                         "not starting with 'AWS/', such as 'LoyaltyPlatform/Rewards/Shadow'");
            return defaultValue;
        }

        return value;
    }

    /// <summary>A DynamoDB attribute name: 1 to 255 characters.</summary>
    public string AttributeName(string key, string defaultValue)
    {
        var value = Text(key, defaultValue);
        if (value.Length > 255)
        {
            Problem(key, $"is {value.Length} characters long: expected an attribute name of at most 255 characters");
        }

        return value;
    }

    /// <summary>A DynamoDB table name: 3 to 255 of a-z, A-Z, 0-9, '_', '-', '.'.</summary>
    public string? TableName(string key)
    {
        var value = Raw(key);
        if (value is not null && !TableNamePattern().IsMatch(value))
        {
            Problem(key, $"is '{value}': expected a DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, '_', '-', '.')");
        }

        return value;
    }

    /// <summary>An S3 bucket name: 3 to 63 of a-z, 0-9, '-', '.', starting and ending with a letter or digit.</summary>
    public string? BucketName(string key)
    {
        var value = Raw(key);
        if (value is not null && (!BucketNamePattern().IsMatch(value) || value.Contains("..", StringComparison.Ordinal)))
        {
            Problem(key, $"is '{value}': expected an S3 bucket name (3 to 63 of a-z, 0-9, '-', '.', starting and ending with a letter or digit)");
        }

        return value;
    }

    /// <summary>Throws one <see cref="SettingsException"/> listing every problem seen so far.</summary>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new SettingsException(_problems.ToArray());
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex("^(?=.*[^ ])[A-Za-z0-9._/#: -]{1,255}$")]
    private static partial Regex MetricsNamespacePattern();
}
