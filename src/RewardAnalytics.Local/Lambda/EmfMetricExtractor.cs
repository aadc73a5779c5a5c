using System.Text.Json;

namespace RewardAnalytics.Local.Lambda;

/// <summary>
/// Reads a function's log stream the way CloudWatch Logs extracts Embedded Metric Format metrics: a log event yields
/// metrics only if it is a JSON object whose root has an <c>_aws</c> member with a numeric <c>Timestamp</c> and a
/// <c>CloudWatchMetrics</c> array of directives (<c>Namespace</c>, <c>Dimensions</c> as arrays of member names whose root
/// values are strings, <c>Metrics</c> with a <c>Name</c> whose root value is a number or an array of numbers). Anything
/// else, including an EMF document wrapped as a string inside another log object, yields nothing.
/// </summary>
internal static class EmfMetricExtractor
{
    /// <summary>Every datapoint of every log event (one event a line), in order.</summary>
    public static IReadOnlyList<ExtractedMetric> Extract(string logStream)
    {
        var metrics = new List<ExtractedMetric>();
        foreach (var line in logStream.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            metrics.AddRange(FromEvent(line));
        }

        return metrics;
    }

    /// <summary>The datapoints of one log event; none when it is not a valid EMF document at its root.</summary>
    public static IReadOnlyList<ExtractedMetric> FromEvent(string logEvent)
    {
        if (!logEvent.StartsWith('{'))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(logEvent);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<ExtractedMetric> Read(JsonElement root)
    {
        var result = new List<ExtractedMetric>();
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object
            || !aws.TryGetProperty("Timestamp", out var ts) || ts.ValueKind != JsonValueKind.Number || !ts.TryGetInt64(out var millis)
            || !aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        foreach (var directive in directives.EnumerateArray())
        {
            if (directive.ValueKind != JsonValueKind.Object
                || !directive.TryGetProperty("Namespace", out var ns) || Text(ns) is not { Length: > 0 } nameSpace
                || !directive.TryGetProperty("Metrics", out var definitions) || definitions.ValueKind != JsonValueKind.Array
                || !TryDimensionSets(root, directive, out var dimensionSets))
            {
                continue;
            }

            foreach (var definition in definitions.EnumerateArray())
            {
                if (definition.ValueKind != JsonValueKind.Object
                    || !definition.TryGetProperty("Name", out var nameElement) || Text(nameElement) is not { } name
                    || !root.TryGetProperty(name, out var value) || !TrySum(value, out var sum))
                {
                    continue;
                }

                var unit = definition.TryGetProperty("Unit", out var u) ? Text(u) : null;
                foreach (var dimensions in dimensionSets)
                {
                    result.Add(new ExtractedMetric(nameSpace, name, dimensions, timestamp, sum, unit));
                }
            }
        }

        return result;
    }

    private static bool TryDimensionSets(JsonElement root, JsonElement directive, out List<Dictionary<string, string>> sets)
    {
        sets = [];
        if (!directive.TryGetProperty("Dimensions", out var dimensions) || dimensions.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var set in dimensions.EnumerateArray())
        {
            if (set.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in set.EnumerateArray())
            {
                if (Text(member) is not { } key || !root.TryGetProperty(key, out var v) || v.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                values[key] = v.GetString()!;
            }

            sets.Add(values);
        }

        if (sets.Count == 0)
        {
            sets.Add([]);
        }

        return true;
    }

    private static string? Text(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static bool TrySum(JsonElement value, out decimal sum)
    {
        sum = 0m;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDecimal(out sum);
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetDecimal(out var d))
                    {
                        return false;
                    }

                    sum += d;
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Sums datapoints of one metric by the calendar day of their timestamp in <paramref name="zone"/>.</summary>
    public static IReadOnlyDictionary<NodaTime.LocalDate, decimal> DailySums(
        IEnumerable<ExtractedMetric> metrics, string name, NodaTime.DateTimeZone zone) => metrics
        .Where(m => m.Name == name)
        .GroupBy(m => NodaTime.Instant.FromDateTimeOffset(m.Timestamp).InZone(zone).Date)
        .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
}
