using System.Text;
using System.Text.Json;
using NodaTime;

namespace RewardAnalytics.Core.Metrics;

/// <summary>
/// Writes CloudWatch Embedded Metric Format lines (one JSON object a line) to the function's log stream, which
/// Lambda's log pipeline turns into metrics with no API call. Namespace <c>LoyaltyPlatform/Rewards</c> unless another is
/// given (the finalizer's <c>METRICS_NAMESPACE</c>); no dimension, or one <c>Environment</c> dimension when an environment is configured.
/// </summary>
public sealed class EmfWriter
{
    /// <summary>The CloudWatch namespace the service's metrics are published under unless the finalizer is given another.</summary>
    public const string Namespace = "LoyaltyPlatform/Rewards";
    /// <summary>Name of the optional dimension that tells environments apart.</summary>
    public const string EnvironmentDimension = "Environment";

    private readonly TextWriter _output;
    private readonly string? _environment;
    private readonly string _namespace;

    /// <summary>A writer to <paramref name="output"/>; a non-empty <paramref name="environment"/> adds the <see cref="EnvironmentDimension"/> dimension.</summary>
    internal EmfWriter(TextWriter output, string? environment)
        : this(output, environment, Namespace)
    {
    }

    /// <summary>A writer to <paramref name="output"/> whose metrics go to the CloudWatch namespace <paramref name="metricsNamespace"/>.</summary>
    internal EmfWriter(TextWriter output, string? environment, string metricsNamespace)
    {
        _output = output;
        _environment = string.IsNullOrWhiteSpace(environment) ? null : environment;
        _namespace = metricsNamespace;
    }

    /// <summary>Writes one EMF line; <paramref name="properties"/> are extra (non-metric) members for log queries.</summary>
    internal void Write(Instant timestamp, IReadOnlyList<EmfMetric> metrics, IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", _namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            if (_environment is not null)
            {
                json.WriteStringValue(EnvironmentDimension);
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            if (_environment is not null)
            {
                json.WriteString(EnvironmentDimension, _environment);
            }

            foreach (var metric in metrics)
            {
                json.WriteNumber(metric.Name, metric.Value);
            }

            foreach (var (key, value) in properties ?? [])
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        _output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
