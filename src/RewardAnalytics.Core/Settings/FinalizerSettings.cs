using NodaTime;

namespace RewardAnalytics.Core.Settings;

/// <summary>The daily finalizer's settings, read from its environment once per container and validated.</summary>
public sealed record FinalizerSettings
{
    /// <summary>Variable naming the DynamoDB aggregates table (required; the aggregator's variable).</summary>
    public const string AggregatesTableVariable = AggregatorSettings.AggregatesTableVariable;
    /// <summary>Variable naming the S3 bucket the reports are written to (required).</summary>
    public const string AnalyticsBucketVariable = "ANALYTICS_BUCKET";
    /// <summary>Variable holding the report time zone's IANA id (the aggregator's variable).</summary>
    public const string ReportTimeZoneVariable = AggregatorSettings.ReportTimeZoneVariable;
    /// <summary>Variable overriding the report key prefix.</summary>
    public const string ReportPrefixVariable = "REPORT_PREFIX";
    /// <summary>Variable overriding how many earlier days each run re-checks.</summary>
    public const string RecheckDaysVariable = "RECHECK_DAYS";
    /// <summary>Variable whose value, when set, becomes the metrics' <c>Environment</c> dimension.</summary>
    public const string MetricsEnvironmentVariable = AggregatorSettings.MetricsEnvironmentVariable;
    /// <summary>Variable naming the CloudWatch namespace the daily metrics are published to (a shadow deployment sets its own).</summary>
    public const string MetricsNamespaceVariable = "METRICS_NAMESPACE";

    /// <summary>The report time zone when none is configured.</summary>
    public const string DefaultTimeZone = AggregatorSettings.DefaultTimeZone;
    /// <summary>The report key prefix when none is configured.</summary>
    public const string DefaultReportPrefix = "daily-rewards/";
    /// <summary>Days re-checked before the target day when none is configured.</summary>
    public const int DefaultRecheckDays = 3;
    /// <summary>The most days a run may re-check.</summary>
    public const int MaxRecheckDays = 31;
    /// <summary>The CloudWatch namespace of the daily metrics when none is configured.</summary>
    public const string DefaultMetricsNamespace = Metrics.EmfWriter.Namespace;
    /// <summary>The longest CloudWatch namespace.</summary>
    public const int MaxMetricsNamespaceLength = 255;

    /// <summary>Name of the DynamoDB aggregates table the finalizer reads and writes FINAL to.</summary>
    public required string AggregatesTable { get; init; }

    /// <summary>Name of the S3 bucket the daily reports are written to.</summary>
    public required string AnalyticsBucket { get; init; }

    /// <summary>The zone whose calendar days are finalized (IANA id, default UTC).</summary>
    public DateTimeZone ReportTimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>Key prefix of the reports: empty, or ending in <c>/</c> (default <c>daily-rewards/</c>).</summary>
    public string ReportPrefix { get; init; } = DefaultReportPrefix;

    /// <summary>How many days before the target day are re-checked for late records (0–31, default 3).</summary>
    public int RecheckDays { get; init; } = DefaultRecheckDays;

    /// <summary>When set, metrics carry one <c>Environment</c> dimension with this value.</summary>
    public string? MetricsEnvironment { get; init; }

    /// <summary>The CloudWatch namespace the daily metrics are published to (default <c>LoyaltyPlatform/Rewards</c>).</summary>
    public string MetricsNamespace { get; init; } = DefaultMetricsNamespace;

    /// <summary>The report's object key: <c>&lt;prefix&gt;YYYY-MM-DD.json</c>.</summary>
    public string ReportKey(LocalDate day) => ReportPrefix + IsoDate.Format(day) + ".json";

    /// <summary>Reads and validates the settings.</summary>
    /// <exception cref="SettingsException">Any variable is missing or malformed; the message lists them all.</exception>
    public static FinalizerSettings FromEnvironment(EnvironmentReader env)
    {
        var bucket = env.Required(AnalyticsBucketVariable, "the name of the S3 bucket the daily reports are written to");
        if (bucket.Length > 0 && !IsBucketName(bucket))
        {
            env.Problem($"{AnalyticsBucketVariable} is '{bucket}': expected an S3 bucket name (3–63 characters: lower-case letters, digits, '.' and '-')");
        }

        var prefix = env.Optional(ReportPrefixVariable, DefaultReportPrefix);
        if (prefix.StartsWith('/') || !prefix.EndsWith('/') || prefix.Length > 512)
        {
            env.Problem($"{ReportPrefixVariable} is '{prefix}': expected a key prefix ending in '/' and not starting with '/', such as '{DefaultReportPrefix}'");
        }

        var settings = new FinalizerSettings
        {
            AggregatesTable = env.Required(AggregatesTableVariable, "the name of the DynamoDB aggregates table"),
            AnalyticsBucket = bucket,
            ReportTimeZone = env.TimeZone(ReportTimeZoneVariable, DefaultTimeZone),
            ReportPrefix = prefix,
            RecheckDays = env.Integer(RecheckDaysVariable, DefaultRecheckDays, 0, MaxRecheckDays),
            MetricsEnvironment = env.Raw(MetricsEnvironmentVariable),
            MetricsNamespace = ReadMetricsNamespace(env),
        };
        env.ThrowIfInvalid();
        return settings;
    }

    /// <summary>
    /// <c>METRICS_NAMESPACE</c>: what CloudWatch accepts as a namespace (1–255 characters: letters, digits and
    /// <c>. - _ / # : </c> and space) and not an AWS namespace (<c>AWS/</c>…, reserved for AWS services).
    /// </summary>
    private static string ReadMetricsNamespace(EnvironmentReader env)
    {
        var value = env.Optional(MetricsNamespaceVariable, DefaultMetricsNamespace);
        if (value.Length > MaxMetricsNamespaceLength || !value.All(IsNamespaceCharacter))
        {
            env.Problem($"{MetricsNamespaceVariable} is '{value}': expected a CloudWatch namespace of 1 to {MaxMetricsNamespaceLength} characters " +
                $"(letters, digits, '.', '-', '_', '/', '#', ':' and spaces), such as '{DefaultMetricsNamespace}' or '{DefaultMetricsNamespace}/Shadow'");
        }
        else if (value.StartsWith("AWS/", StringComparison.OrdinalIgnoreCase))
        {
            env.Problem($"{MetricsNamespaceVariable} is '{value}': namespaces starting with 'AWS/' are reserved for AWS services; expected one of the service's own, such as '{DefaultMetricsNamespace}'");
        }

        return value;
    }

    private static bool IsNamespaceCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#' or ':' or ' ';

    private static bool IsBucketName(string name) =>
        name.Length is >= 3 and <= 63 &&
        name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-') &&
        char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);
}
