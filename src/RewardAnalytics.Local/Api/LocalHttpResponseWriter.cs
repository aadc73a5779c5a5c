using System.Globalization;
using System.Text;

namespace RewardAnalytics.Local.Api;

/// <summary>
/// Writes an HTTP/1.1 response as the local function URL sends it: the status line with its reason phrase, the given
/// headers in order (any <c>content-length</c> among them dropped), the real <c>content-length</c>,
/// <c>connection: close</c> (one request per connection), then the body.
/// </summary>
internal static class LocalHttpResponseWriter
{
    /// <summary>The whole response as bytes: head in Latin-1, then <paramref name="body"/> as is.</summary>
    public static byte[] Format(int status, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n");
        foreach (var (name, value) in headers.Where(h => !h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"content-length: {body.Length}\r\nconnection: close\r\n\r\n");
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var response = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(response, 0);
        body.CopyTo(response.AsSpan(headBytes.Length));
        return response;
    }

    /// <summary>Writes the response (<see cref="Format"/>) to <paramref name="stream"/>.</summary>
    public static async Task WriteAsync(
        Stream stream, int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(Format(status, headers, body), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reason phrase of the statuses the totals API and this server answer; <c>Status</c> for any other.</summary>
    public static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        _ => "Status",
    };
}
