using System.Net;
using System.Net.Sockets;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Local.Api;

/// <summary>
/// The totals API's function URL, locally: a small HTTP/1.1 server on 127.0.0.1 that turns each request into the
/// function URL event Lambda would send (<see cref="FunctionUrlEvent"/>), calls the real entry point and writes its
/// answer back as the HTTP response, one request per connection. No authentication: in AWS the URL's <c>AWS_IAM</c>
/// auth type checks a SigV4 signature first. A raw socket rather than <see cref="HttpListener"/>, which answers a
/// POST without a body (<c>curl -X POST</c>) with its own 411 before the function could say 405.
/// </summary>
public sealed class LocalFunctionUrl : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener;
    private readonly Func<Stream, CancellationToken, Task<string>> _function;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LocalFunctionUrl(TcpListener listener, Func<Stream, CancellationToken, Task<string>> function, TimeProvider clock)
    {
        _listener = listener;
        _function = function;
        _clock = clock;
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base URL, <c>http://127.0.0.1:&lt;port&gt;</c> (no trailing slash).</summary>
    public string Url { get; }

    /// <summary>Starts listening on a free 127.0.0.1 port and serving <paramref name="function"/>.</summary>
    public static LocalFunctionUrl Start(TotalsApi function, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Start(function.AnswerAsync, clock);
    }

    /// <summary>
    /// Starts listening on a free 127.0.0.1 port; each request's function URL event goes to <paramref name="function"/>,
    /// which answers with the function's response payload (<c>{"statusCode","headers","body"}</c>), or throws for a failed invocation.
    /// </summary>
    public static LocalFunctionUrl Start(Func<Stream, CancellationToken, Task<string>> function, TimeProvider clock)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new LocalFunctionUrl(listener, function, clock);
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return; // stopped
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                var request = await ReadRequestAsync(stream).ConfigureAwait(false);
                if (request is null)
                {
                    await WriteResponseAsync(stream, 400, [KeyValuePair.Create("content-type", "application/json")],
                        """{"error":"not an HTTP/1.1 request this local server can read"}"""u8.ToArray()).ConfigureAwait(false);
                    return;
                }

                var (method, target, headers, body) = request.Value;
                var question = target.IndexOf('?', StringComparison.Ordinal);
                var rawQuery = question < 0 ? string.Empty : target[(question + 1)..];
                var host = headers.FirstOrDefault(h => h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)).Value?[0] ?? Url;
                var payload = FunctionUrlEvent.Build(method, question < 0 ? target : target[..question], rawQuery, headers, Query(rawQuery),
                    body, host, (client.Client.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "127.0.0.1", _clock.GetUtcNow());
                using var input = new MemoryStream(payload, writable: false);
                var (status, responseHeaders, content) = FunctionUrlEvent.ReadResponse(await _function(input, _stop.Token).ConfigureAwait(false));
                await WriteResponseAsync(stream, status, responseHeaders, content).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not IOException and not SocketException)
            {
                // What a function URL answers when the function fails: 502, no detail.
                await WriteResponseAsync(stream, 502, [KeyValuePair.Create("content-type", "application/json")],
                    """{"Message":"Internal Server Error"}"""u8.ToArray()).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // The client went away mid-request: nothing to answer.
            }
        }
    }

    /// <summary>The request line, headers and body (by Content-Length); null for anything else.</summary>
    private async Task<(string Method, string Target, List<KeyValuePair<string, string[]>> Headers, byte[] Body)?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[MaxHeaderBytes];
        var filled = 0;
        int end;
        while ((end = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
        {
            if (filled == buffer.Length)
            {
                return null;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            filled += read;
        }

        var lines = System.Text.Encoding.Latin1.GetString(buffer, 0, end).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !requestLine[1].StartsWith('/'))
        {
            return null;
        }

        var headers = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim().ToLowerInvariant())
            .Select(g => KeyValuePair.Create(g.Key, g.Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).ToArray()))
            .ToList();
        var length = headers.FirstOrDefault(h => h.Key == "content-length").Value is [var text]
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (length is < 0 or > MaxBodyBytes || headers.Any(h => h.Key == "transfer-encoding"))
        {
            return null;
        }

        var body = new byte[length];
        var already = Math.Min(length, filled - end - HeaderEnd.Length);
        buffer.AsSpan(end + HeaderEnd.Length, already).CopyTo(body);
        await stream.ReadExactlyAsync(body.AsMemory(already), _stop.Token).ConfigureAwait(false);
        return (requestLine[0], requestLine[1], headers, body);
    }

    /// <summary>The query string's parameters, decoded, each with all its values in order.</summary>
    private static KeyValuePair<string, string[]>[] Query(string rawQuery) => rawQuery
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(kv => (Key: Decode(kv[0]), Value: kv.Length > 1 ? Decode(kv[1]) : string.Empty))
        .GroupBy(kv => kv.Key, StringComparer.Ordinal)
        .Select(g => KeyValuePair.Create(g.Key, g.Select(kv => kv.Value).ToArray()))
        .ToArray();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static async Task WriteResponseAsync(NetworkStream stream, int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] content)
    {
        var head = new System.Text.StringBuilder()
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n");
        foreach (var (name, value) in headers.Where(h => !h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append(System.Globalization.CultureInfo.InvariantCulture, $"content-length: {content.Length}\r\nconnection: close\r\n\r\n");
        await stream.WriteAsync(System.Text.Encoding.Latin1.GetBytes(head.ToString())).ConfigureAwait(false);
        await stream.WriteAsync(content).ConfigureAwait(false);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        _ => "Status",
    };

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
