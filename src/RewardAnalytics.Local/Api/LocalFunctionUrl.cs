using System.Net;
using System.Net.Sockets;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Local.Api;

/// <summary>
/// The totals API's function URL, locally: an HTTP listener on 127.0.0.1 that turns each request into the function URL
/// event Lambda would send (<see cref="FunctionUrlEvent"/>), calls the real entry point and writes its answer back as
/// the HTTP response. No authentication: in AWS the URL's <c>AWS_IAM</c> auth type checks a SigV4 signature first.
/// </summary>
public sealed class LocalFunctionUrl : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly TotalsApi _function;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LocalFunctionUrl(HttpListener listener, int port, TotalsApi function, TimeProvider clock)
    {
        _listener = listener;
        _function = function;
        _clock = clock;
        Url = $"http://127.0.0.1:{port}";
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base URL, <c>http://127.0.0.1:&lt;port&gt;</c> (no trailing slash).</summary>
    public string Url { get; }

    /// <summary>Starts listening on a free 127.0.0.1 port and serving <paramref name="function"/>.</summary>
    public static LocalFunctionUrl Start(TotalsApi function, TimeProvider clock)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LocalFunctionUrl(listener, port, function, clock);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and the bind: try another.
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body, _stop.Token).ConfigureAwait(false);
            var raw = request.RawUrl ?? "/";
            var question = raw.IndexOf('?', StringComparison.Ordinal);
            var query = request.QueryString.AllKeys.Where(k => k is not null)
                .Select(k => KeyValuePair.Create(k!, request.QueryString.GetValues(k) ?? []))
                .ToArray();
            var headers = request.Headers.AllKeys.Where(k => k is not null)
                .Select(k => KeyValuePair.Create(k!, request.Headers.GetValues(k) ?? []))
                .ToArray();
            var payload = FunctionUrlEvent.Build(
                request.HttpMethod,
                question < 0 ? raw : raw[..question],
                question < 0 ? string.Empty : raw[(question + 1)..],
                headers,
                query,
                body.ToArray(),
                request.UserHostName ?? Url,
                request.RemoteEndPoint?.Address.ToString() ?? "127.0.0.1",
                _clock.GetUtcNow());
            using var input = new MemoryStream(payload, writable: false);
            var (status, responseHeaders, content) = FunctionUrlEvent.ReadResponse(await _function.AnswerAsync(input, _stop.Token).ConfigureAwait(false));
            response.StatusCode = status;
            foreach (var (name, value) in responseHeaders)
            {
                if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
                {
                    response.ContentType = value;
                }
                else
                {
                    response.Headers[name] = value;
                }
            }

            response.ContentLength64 = content.Length;
            await response.OutputStream.WriteAsync(content, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What a function URL answers when the function fails: 502, no detail.
            response.StatusCode = 502;
            response.ContentType = "application/json";
            var content = """{"Message":"Internal Server Error"}"""u8.ToArray();
            await response.OutputStream.WriteAsync(content).ConfigureAwait(false);
        }
        finally
        {
            response.Close();
        }
    }

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
