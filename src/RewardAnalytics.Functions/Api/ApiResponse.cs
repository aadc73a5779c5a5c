using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Functions.Api;

/// <summary>
/// A function URL response: status code, JSON body, and the response headers. Written as the
/// <c>{"statusCode","headers","body"}</c> object Lambda turns into the HTTP response.
/// </summary>
internal sealed record ApiResponse(int StatusCode, string Body)
{
    /// <summary>The media type of every body the API answers with.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The <c>Allow</c> header's value on a 405 (the only method the API serves).</summary>
    public string? Allow { get; init; }

    /// <summary>A 200 with <paramref name="body"/>.</summary>
    public static ApiResponse Ok(string body) => new(200, body);

    /// <summary>An error: <c>{"error": message}</c> with <paramref name="statusCode"/>.</summary>
    public static ApiResponse Error(int statusCode, string message) => new(statusCode, Json(json =>
    {
        json.WriteStartObject();
        json.WriteString("error", message);
        json.WriteEndObject();
    }));

    /// <summary>The response object Lambda expects from a function URL's function.</summary>
    public string ToJson() => Json(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("statusCode", StatusCode);
        json.WriteStartObject("headers");
        json.WriteString("content-type", JsonContentType);
        json.WriteString("cache-control", "no-store");
        if (Allow is { } allow)
        {
            json.WriteString("allow", allow);
        }

        json.WriteEndObject();
        json.WriteString("body", Body);
        json.WriteBoolean("isBase64Encoded", false);
        json.WriteEndObject();
    });

    /// <summary>Reads a response written by <see cref="ToJson"/> (local serve, the CLI, tests).</summary>
    public static ApiResponse Read(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        var allow = root.TryGetProperty("headers", out var headers) && headers.TryGetProperty("allow", out var a) ? a.GetString() : null;
        return new ApiResponse(root.GetProperty("statusCode").GetInt32(), root.GetProperty("body").GetString() ?? string.Empty) { Allow = allow };
    }

    /// <summary>Writes a JSON text with <paramref name="write"/> (compact, non-ASCII kept as is).</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
