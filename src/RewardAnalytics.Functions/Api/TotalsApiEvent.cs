using System.Text.Json;
using RewardAnalytics.Core;

namespace RewardAnalytics.Functions.Api;

/// <summary>
/// One invocation of the totals API: an HTTP request from a Lambda function URL (payload format 2.0), or a CloudWatch
/// dashboard custom widget asking for its HTML (the event carries <c>widgetContext</c>).
/// </summary>
internal abstract record TotalsApiEvent
{
    /// <summary>What a payload that is neither event is told it should have been.</summary>
    public const string Expected =
        "expected a Lambda function URL event (payload format 2.0: rawPath, requestContext.http.method) or a CloudWatch custom widget event (widgetContext)";

    /// <summary>Reads the invocation payload (a leading UTF-8 byte-order mark is allowed).</summary>
    /// <exception cref="TotalsApiEventException">The payload is not JSON, or neither event shape.</exception>
    public static TotalsApiEvent Read(ReadOnlySpan<byte> payload)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(Utf8Text.WithoutByteOrderMark(payload));
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new TotalsApiEventException($"is not JSON ({ex.Message}): {Expected}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TotalsApiEventException($"is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object: {Expected}");
            }

            if (root.TryGetProperty("widgetContext", out var widget) && widget.ValueKind == JsonValueKind.Object)
            {
                return new WidgetEvent(Text(widget, "dashboardName"));
            }

            if (root.TryGetProperty("requestContext", out var context) && context.ValueKind == JsonValueKind.Object &&
                context.TryGetProperty("http", out var http) && http.ValueKind == JsonValueKind.Object &&
                Text(http, "method") is { } method && Text(root, "rawPath") is { } path)
            {
                var query = new Dictionary<string, string>(StringComparer.Ordinal);
                if (root.TryGetProperty("queryStringParameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
                {
                    foreach (var parameter in parameters.EnumerateObject())
                    {
                        query[parameter.Name] = parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText();
                    }
                }

                return new FunctionUrlRequest(method, path, query);
            }

            throw new TotalsApiEventException($"has neither widgetContext nor rawPath and requestContext.http.method: {Expected}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
