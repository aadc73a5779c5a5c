using System.Globalization;
using System.Text.Json;
using Xunit;

namespace RewardAnalytics.TestSupport;

/// <summary>
/// One Embedded Metric Format line parsed back and checked against the EMF specification's required fields:
/// a root <c>_aws</c> object with a numeric <c>Timestamp</c> (epoch milliseconds) and a <c>CloudWatchMetrics</c> array of
/// directives, each with a <c>Namespace</c> (1–255 characters), <c>Dimensions</c> (an array of dimension sets, each
/// an array of at most 30 names that resolve to string members) and <c>Metrics</c> (at most 100, each with a
/// <c>Name</c> resolving to a numeric member and, if present, a valid CloudWatch <c>Unit</c>).
/// </summary>
public sealed class EmfLine
{
    // The specification's member names (constants, not nameof: they are JSON names that happen to match ours).
    private const string TimestampField = "Timestamp";
    private const string NamespaceField = "Namespace";
    private const string MetricsField = "Metrics";

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits",
        "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
        "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
        "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    private EmfLine(long timestamp, string ns, IReadOnlyList<IReadOnlyList<string>> dimensions,
        IReadOnlyDictionary<string, (decimal Value, string? Unit)> metrics, IReadOnlyDictionary<string, string> strings)
    {
        Timestamp = timestamp;
        Namespace = ns;
        DimensionSets = dimensions;
        Metrics = metrics;
        Strings = strings;
    }

    public long Timestamp { get; }
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);
    public string Namespace { get; }
    public IReadOnlyList<IReadOnlyList<string>> DimensionSets { get; }
    public IReadOnlyDictionary<string, (decimal Value, string? Unit)> Metrics { get; }

    /// <summary>The root members with string values (dimension values and properties).</summary>
    public IReadOnlyDictionary<string, string> Strings { get; }

    public decimal Value(string metric) => Metrics[metric].Value;

    /// <summary>The EMF lines among a log's lines (those with an <c>_aws</c> member), each checked against the spec.</summary>
    public static IReadOnlyList<EmfLine> ParseAll(string log) => log
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.StartsWith('{') && line.Contains("\"_aws\"", StringComparison.Ordinal))
        .Select(Parse)
        .ToArray();

    public static EmfLine Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.True(root.TryGetProperty("_aws", out var aws), "an EMF line has a root _aws member");
        Assert.Equal(JsonValueKind.Object, aws.ValueKind);
        Assert.True(aws.TryGetProperty(TimestampField, out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out _),
            "_aws.Timestamp is a number of milliseconds since the epoch");
        Assert.True(aws.TryGetProperty("CloudWatchMetrics", out var directives) && directives.ValueKind == JsonValueKind.Array,
            "_aws.CloudWatchMetrics is an array");
        Assert.Equal(1, directives.GetArrayLength());
        var directive = directives[0];
        Assert.True(directive.TryGetProperty(NamespaceField, out var nsElement) && nsElement.ValueKind == JsonValueKind.String,
            "a metric directive has a string Namespace");
        var ns = nsElement.GetString()!;
        Assert.InRange(ns.Length, 1, 255);

        Assert.True(directive.TryGetProperty("Dimensions", out var dimensionSets) && dimensionSets.ValueKind == JsonValueKind.Array,
            "a metric directive has a Dimensions array");
        var sets = new List<IReadOnlyList<string>>();
        foreach (var set in dimensionSets.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Array, set.ValueKind);
            Assert.InRange(set.GetArrayLength(), 0, 30);
            var names = set.EnumerateArray().Select(d =>
            {
                Assert.Equal(JsonValueKind.String, d.ValueKind);
                var name = d.GetString()!;
                Assert.True(root.TryGetProperty(name, out var target) && target.ValueKind == JsonValueKind.String,
                    $"dimension {name} resolves to a string member of the root");
                return name;
            }).ToArray();
            sets.Add(names);
        }

        Assert.True(directive.TryGetProperty(MetricsField, out var metricDefinitions) && metricDefinitions.ValueKind == JsonValueKind.Array,
            "a metric directive has a Metrics array");
        Assert.InRange(metricDefinitions.GetArrayLength(), 1, 100);
        var metrics = new Dictionary<string, (decimal, string?)>();
        foreach (var definition in metricDefinitions.EnumerateArray())
        {
            Assert.True(definition.TryGetProperty("Name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String,
                "a metric definition has a string Name");
            var name = nameElement.GetString()!;
            string? unit = null;
            if (definition.TryGetProperty("Unit", out var unitElement))
            {
                unit = unitElement.GetString();
                Assert.True(unit is not null && Units.Contains(unit), $"metric {name} has a valid CloudWatch unit ('{unit}')");
            }

            Assert.True(root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number,
                $"metric {name} resolves to a numeric member of the root");
            metrics[name] = (decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture), unit);
        }

        var strings = root.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return new EmfLine(ts.GetInt64(), ns, sets, metrics, strings);
    }
}
