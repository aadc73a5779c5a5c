using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Local.Api;

/// <summary>
/// The event a Lambda function URL sends its function for one HTTP request (payload format 2.0), as AWS documents it:
/// <c>rawPath</c>, <c>rawQueryString</c>, lower-cased <c>headers</c> (repeated ones joined with commas),
/// <c>queryStringParameters</c> (decoded; repeated ones joined with commas; absent when there is no query),
/// <c>requestContext</c> with <c>http.method</c>, and the body (base64 when present). Built locally it carries no
/// <c>authorizer</c>, as a URL with <c>AuthType NONE</c> sends: the local listener checks no credentials.
/// </summary>
internal static class FunctionUrlEvent
{
    /// <summary>The event for one request; <paramref name="host"/> stands in for the URL's domain, <paramref name="at"/> is the request time.</summary>
    public static byte[] Build(
        string method,
        string rawPath,
        string rawQueryString,
        IReadOnlyList<KeyValuePair<string, string[]>> headers,
        IReadOnlyList<KeyValuePair<string, string[]>> query,
        ReadOnlySpan<byte> body,
        string host,
        string sourceIp,
        DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", "$default");
            json.WriteString("rawPath", rawPath);
            json.WriteString("rawQueryString", rawQueryString);
            json.WriteStartObject("headers");
            foreach (var group in headers.GroupBy(h => h.Key.ToLowerInvariant()))
            {
                json.WriteString(group.Key, string.Join(',', group.SelectMany(h => h.Value)));
            }

            json.WriteEndObject();
            if (query.Count > 0)
            {
                json.WriteStartObject("queryStringParameters");
                foreach (var parameter in query)
                {
                    json.WriteString(parameter.Key, string.Join(',', parameter.Value));
                }

                json.WriteEndObject();
            }

            json.WriteStartObject("requestContext");
            json.WriteString("accountId", "anonymous");
            json.WriteString("apiId", "local");
            json.WriteString("domainName", host);
            json.WriteString("domainPrefix", host.Split(['.', ':'])[0]);
            json.WriteStartObject("http");
            json.WriteString("method", method);
            json.WriteString("path", rawPath);
            json.WriteString("protocol", "HTTP/1.1");
            json.WriteString("sourceIp", sourceIp);
            json.WriteString("userAgent", headers.FirstOrDefault(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() ?? string.Empty);
            json.WriteEndObject();
            json.WriteString("requestId", Guid.NewGuid().ToString());
            json.WriteString("routeKey", "$default");
            json.WriteString("stage", "$default");
            json.WriteString("time", at.ToUniversalTime().ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
            json.WriteNumber("timeEpoch", at.ToUnixTimeMilliseconds());
            json.WriteEndObject();
            if (body.Length > 0)
            {
                json.WriteString("body", Convert.ToBase64String(body));
            }

            json.WriteBoolean("isBase64Encoded", body.Length > 0);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The HTTP response a function URL makes of the function's <c>{"statusCode","headers","body"}</c> answer.</summary>
    public static (int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body) ReadResponse(string response)
    {
        using var document = JsonDocument.Parse(response);
        var root = document.RootElement;
        var headers = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            headers.AddRange(h.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? string.Empty)));
        }

        var text = root.TryGetProperty("body", out var b) ? b.GetString() ?? string.Empty : string.Empty;
        var base64 = root.TryGetProperty("isBase64Encoded", out var e) && e.ValueKind == JsonValueKind.True;
        return (root.GetProperty("statusCode").GetInt32(), headers, base64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text));
    }
}
