using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Local.Api;

namespace RewardAnalytics.Local.Tests.Api;

/// <summary>
/// The local function URL on a real 127.0.0.1 socket, with a stub function in place of the totals API: what reaches the
/// function (the function URL event) and the exact bytes that go back.
/// </summary>
public sealed class LocalFunctionUrlTests : IAsyncDisposable
{
    private const string NotAllowed =
        """{"statusCode":405,"headers":{"content-type":"application/json","allow":"GET","content-length":"999"},"body":"{\"error\":\"method POST is not allowed on /today: expected GET\"}","isBase64Encoded":false}""";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 10, 15, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _events = new();
    private readonly LocalFunctionUrl _url;
    private Func<string, string> _answer = _ => NotAllowed;

    public LocalFunctionUrlTests()
    {
        _url = LocalFunctionUrl.Start(async (input, ct) =>
        {
            using var reader = new StreamReader(input);
            var payload = await reader.ReadToEndAsync(ct);
            _events.Enqueue(payload);
            return _answer(payload);
        }, _clock);
    }

    public ValueTask DisposeAsync() => _url.DisposeAsync();

    [Fact]
    public void The_url_is_a_free_port_on_127_0_0_1_without_a_trailing_slash()
    {
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*$", _url.Url);
    }

    [Fact]
    public async Task A_GET_reaches_the_function_as_its_function_url_event_with_the_query_decoded()
    {
        await SendAsync("GET /days?from=2025-03-03&to=2025-03-09&tag=a%2Fb+c&tag=d HTTP/1.1\r\nHost: api.example:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n");

        using var json = JsonDocument.Parse(Assert.Single(_events));
        var root = json.RootElement;
        Assert.Equal(("/days", "from=2025-03-03&to=2025-03-09&tag=a%2Fb+c&tag=d"), (root.GetProperty("rawPath").GetString(), root.GetProperty("rawQueryString").GetString()));
        Assert.Equal("""{"from":"2025-03-03","to":"2025-03-09","tag":"a/b c,d"}""", root.GetProperty("queryStringParameters").GetRawText());
        Assert.Equal("""{"host":"api.example:8080","user-agent":"curl/8.5.0","accept":"*/*"}""", root.GetProperty("headers").GetRawText());
        var context = root.GetProperty("requestContext");
        var http = context.GetProperty("http");
        Assert.Equal(("GET", "/days", "127.0.0.1", "curl/8.5.0"), (http.GetProperty("method").GetString(), http.GetProperty("path").GetString(),
            http.GetProperty("sourceIp").GetString(), http.GetProperty("userAgent").GetString()));
        Assert.Equal(("api.example:8080", "api"), (context.GetProperty("domainName").GetString(), context.GetProperty("domainPrefix").GetString()));
        Assert.Equal(1740996900000, context.GetProperty("timeEpoch").GetInt64());
        Assert.False(root.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_request_without_a_host_header_names_the_local_url_as_its_domain()
    {
        await SendAsync("GET /today HTTP/1.0\r\n\r\n");

        using var json = JsonDocument.Parse(Assert.Single(_events));
        Assert.Equal(_url.Url, json.RootElement.GetProperty("requestContext").GetProperty("domainName").GetString());
        Assert.False(json.RootElement.TryGetProperty("queryStringParameters", out _));
    }

    [Fact]
    public async Task A_POST_without_a_body_or_Content_Length_as_curl_sends_it_gets_the_functions_405_byte_for_byte()
    {
        var response = await SendAsync("POST /today HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n");

        const string Body = """{"error":"method POST is not allowed on /today: expected GET"}""";
        Assert.Equal(
            "HTTP/1.1 405 Method Not Allowed\r\ncontent-type: application/json\r\nallow: GET\r\n" +
            $"content-length: {Body.Length}\r\nconnection: close\r\n\r\n{Body}",
            response);
        using var json = JsonDocument.Parse(Assert.Single(_events));
        Assert.Equal("POST", json.RootElement.GetProperty("requestContext").GetProperty("http").GetProperty("method").GetString());
        Assert.False(json.RootElement.TryGetProperty("body", out _));
        Assert.False(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task A_body_sent_in_pieces_after_its_headers_reaches_the_function_whole_as_base64()
    {
        var response = await SendAsync("POST /today HTTP/1.1\r\nContent-Length: 11\r\n\r\n{\"a\":", "[1,2]}");

        Assert.StartsWith("HTTP/1.1 405 Method Not Allowed\r\n", response, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Assert.Single(_events));
        Assert.Equal(Convert.ToBase64String("{\"a\":[1,2]}"u8), json.RootElement.GetProperty("body").GetString());
        Assert.True(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task A_base64_answer_goes_back_decoded_with_each_status_reason_phrase()
    {
        _answer = _ => """{"statusCode":200,"headers":{"content-type":"text/html; charset=utf-8"},"body":"PHA+w6k8L3A+","isBase64Encoded":true}""";

        var response = await SendAsync("GET /widget HTTP/1.1\r\n\r\n");

        Assert.Equal("HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: 9\r\nconnection: close\r\n\r\n<p>é</p>", response);
    }

    [Fact]
    public async Task A_request_that_is_not_HTTP_1_gets_400_without_calling_the_function()
    {
        var response = await SendAsync("GET /today HTTP/2.0\r\n\r\n");

        const string Body = """{"error":"not an HTTP/1.1 request this local server can read"}""";
        Assert.Equal($"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: {Body.Length}\r\nconnection: close\r\n\r\n{Body}", response);
        Assert.Empty(_events);
    }

    [Fact]
    public async Task A_function_that_fails_gets_the_502_a_function_url_answers_with_no_detail()
    {
        _answer = _ => throw new InvalidOperationException("the function's own failure");

        var response = await SendAsync("GET /today HTTP/1.1\r\n\r\n");

        const string Body = """{"Message":"Internal Server Error"}""";
        Assert.Equal($"HTTP/1.1 502 Bad Gateway\r\ncontent-type: application/json\r\ncontent-length: {Body.Length}\r\nconnection: close\r\n\r\n{Body}", response);
    }

    [Fact]
    public async Task Requests_on_separate_connections_are_each_answered()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => SendAsync($"GET /days/{i} HTTP/1.1\r\n\r\n")));

        Assert.All(responses, r => Assert.StartsWith("HTTP/1.1 405 ", r, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"/days/{i}"),
            _events.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("rawPath").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task After_it_is_disposed_the_port_takes_no_more_connections()
    {
        var url = LocalFunctionUrl.Start((_, _) => Task.FromResult(NotAllowed), _clock);
        var port = new Uri(url.Url).Port;
        await url.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    /// <summary>Writes each of <paramref name="pieces"/> in turn on a new connection and reads the response to its end (the server closes it).</summary>
    private async Task<string> SendAsync(params string[] pieces)
    {
        var uri = new Uri(_url.Url);
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(uri.Host, uri.Port, timeout.Token);
        var stream = client.GetStream();
        foreach (var piece in pieces)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(piece), timeout.Token);
            await stream.FlushAsync(timeout.Token);
            await Task.Delay(20, timeout.Token);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
