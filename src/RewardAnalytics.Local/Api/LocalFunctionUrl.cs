using System.Net;
using System.Net.Sockets;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Local.Api;

/// <summary>
/// The totals API's function URL, locally: a small HTTP/1.1 server on 127.0.0.1 that turns each request into the
/// function URL event Lambda would send (<see cref="FunctionUrlEvent"/>), calls the real entry point and writes its
/// answer back as the HTTP response, one request per connection. No authentication: in AWS the URL's <c>AWS_IAM</c>
/// auth type checks a SigV4 signature first. A raw socket rather than <see cref="HttpListener"/>, which answers a
/// POST without a body (<c>curl -X POST</c>) with its own 411 before the function could say 405; the request is read by
/// <see cref="LocalHttpRequestReader"/> and the response written by <see cref="LocalHttpResponseWriter"/>.
/// </summary>
public sealed class LocalFunctionUrl : IAsyncDisposable
{
    private static readonly KeyValuePair<string, string>[] JsonContent = [KeyValuePair.Create("content-type", "application/json")];

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

    /// <summary>
    /// Starts listening on a free 127.0.0.1 port; each request's function URL event goes to <paramref name="function"/>
    /// (the totals API's <see cref="TotalsApi.AnswerAsync"/>, or a test's stub),
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
                var read = await LocalHttpRequestReader.ReadAsync(stream, _stop.Token).ConfigureAwait(false);
                if (read.Request is not { } request)
                {
                    await LocalHttpResponseWriter.WriteAsync(stream, 400, JsonContent,
                        """{"error":"not an HTTP/1.1 request this local server can read"}"""u8.ToArray(), CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                var payload = FunctionUrlEvent.Build(request.Method, request.RawPath, request.RawQueryString, request.Headers, request.Query,
                    request.Body, request.FirstHeader("host") ?? Url,
                    (client.Client.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "127.0.0.1", _clock.GetUtcNow());
                using var input = new MemoryStream(payload, writable: false);
                var (status, headers, content) = FunctionUrlEvent.ReadResponse(await _function(input, _stop.Token).ConfigureAwait(false));
                await LocalHttpResponseWriter.WriteAsync(stream, status, headers, content, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not IOException and not SocketException)
            {
                // What a function URL answers when the function fails: 502, no detail.
                await LocalHttpResponseWriter.WriteAsync(stream, 502, JsonContent,
                    """{"Message":"Internal Server Error"}"""u8.ToArray(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // The client went away mid-request: nothing to answer.
            }
        }
    }

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
