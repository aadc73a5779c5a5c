using System.Globalization;
using System.Text;

namespace RewardAnalytics.Local.Api;

/// <summary>
/// Reads one HTTP/1.1 request from a stream, as the local function URL needs it: the request line, the headers (up to
/// 64 KiB with the request line) and a body of <c>Content-Length</c> bytes (up to 1 MiB; none without the header, as
/// <c>curl -X POST</c> sends it). Anything else is a named <see cref="LocalHttpRequestProblem"/>, not an exception.
/// </summary>
internal static class LocalHttpRequestReader
{
    /// <summary>The most bytes the request line and headers may take, the blank line that ends them included.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>The largest <c>Content-Length</c> read.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>
    /// Reads the request at the start of <paramref name="stream"/>; bytes after its body are left unread or ignored.
    /// A stream that ends inside the body throws <see cref="EndOfStreamException"/>: the client went away, there is no
    /// one to answer.
    /// </summary>
    public static async Task<LocalHttpRequestRead> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[MaxHeaderBytes];
        var filled = 0;
        int end;
        while ((end = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
        {
            if (filled == buffer.Length)
            {
                return LocalHttpRequestRead.Unreadable(LocalHttpRequestProblem.HeadersTooLarge);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return LocalHttpRequestRead.Unreadable(LocalHttpRequestProblem.HeadersCutShort);
            }

            filled += read;
        }

        var lines = Encoding.Latin1.GetString(buffer, 0, end).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !requestLine[1].StartsWith('/'))
        {
            return LocalHttpRequestRead.Unreadable(LocalHttpRequestProblem.MalformedRequestLine);
        }

        var headers = Headers(lines.Skip(1));
        if (headers.Any(h => h.Key == "transfer-encoding"))
        {
            return LocalHttpRequestRead.Unreadable(LocalHttpRequestProblem.TransferEncodingUnsupported);
        }

        var length = ContentLength(headers);
        if (length is < 0 or > MaxBodyBytes)
        {
            return LocalHttpRequestRead.Unreadable(LocalHttpRequestProblem.ContentLengthOutOfRange);
        }

        var body = new byte[length];
        var already = Math.Min(length, filled - end - HeaderEnd.Length);
        buffer.AsSpan(end + HeaderEnd.Length, already).CopyTo(body);
        await stream.ReadExactlyAsync(body.AsMemory(already), cancellationToken).ConfigureAwait(false);

        var target = requestLine[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var rawQuery = question < 0 ? string.Empty : target[(question + 1)..];
        return LocalHttpRequestRead.Of(new LocalHttpRequest(
            requestLine[0], question < 0 ? target : target[..question], rawQuery, headers, Query(rawQuery), body));
    }

    /// <summary>
    /// The parameters of a raw query string (<c>a=1&amp;b=x+y&amp;a=2</c>), each name and value percent-decoded with
    /// <c>+</c> as a space, grouped by name in the order names first appear; a parameter without <c>=</c> has an empty value.
    /// </summary>
    public static KeyValuePair<string, string[]>[] Query(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        return rawQuery
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Decode(kv[0]), Value: kv.Length > 1 ? Decode(kv[1]) : string.Empty))
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Select(kv => kv.Value).ToArray()))
            .ToArray();
    }

    /// <summary>Header lines (those with a colon) by lower-cased, trimmed name, values trimmed; lines without a colon are ignored.</summary>
    private static List<KeyValuePair<string, string[]>> Headers(IEnumerable<string> lines) => lines
        .Where(l => l.Contains(':', StringComparison.Ordinal))
        .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim().ToLowerInvariant())
        .Select(g => KeyValuePair.Create(g.Key, g.Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).ToArray()))
        .ToList();

    /// <summary>A single <c>Content-Length</c> that reads as an integer; 0 when there is none, several, or one that does not.</summary>
    private static int ContentLength(List<KeyValuePair<string, string[]>> headers) =>
        headers.FirstOrDefault(h => h.Key == "content-length").Value is [var text]
        && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
