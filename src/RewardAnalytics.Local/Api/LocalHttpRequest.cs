namespace RewardAnalytics.Local.Api;

/// <summary>
/// One HTTP/1.1 request as the local function URL read it: the method, the target split at its first <c>?</c> into the
/// raw path and raw query string (neither decoded), the query's parameters decoded, the headers with lower-cased names
/// (each with all its values in order) and the body (empty when there was none).
/// </summary>
/// <param name="Method">The request line's method, as sent (<c>GET</c>, <c>POST</c>…).</param>
/// <param name="RawPath">The target before its first <c>?</c>, still percent-encoded; starts with <c>/</c>.</param>
/// <param name="RawQueryString">The target after its first <c>?</c>, still encoded; empty when there is none.</param>
/// <param name="Headers">The headers by lower-cased name, in the order each name first appeared, values trimmed.</param>
/// <param name="Query">The query string's parameters, decoded (<c>+</c> is a space), each with all its values in order.</param>
/// <param name="Body">The body, <c>Content-Length</c> bytes of it.</param>
internal sealed record LocalHttpRequest(
    string Method,
    string RawPath,
    string RawQueryString,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    IReadOnlyList<KeyValuePair<string, string[]>> Query,
    byte[] Body)
{
    /// <summary>The first value of the header <paramref name="name"/> (any case), or null when the request has none.</summary>
    public string? FirstHeader(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?[0];
}
