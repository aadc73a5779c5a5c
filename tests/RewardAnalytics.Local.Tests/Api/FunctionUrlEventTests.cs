using System.Text;
using System.Text.Json;
using RewardAnalytics.Local.Api;

namespace RewardAnalytics.Local.Tests.Api;

/// <summary>The event local serve builds from an HTTP request has the fields of AWS's documented function URL payload (format 2.0).</summary>
public sealed class FunctionUrlEventTests
{
    private static KeyValuePair<string, string[]> Header(string name, params string[] values) => KeyValuePair.Create(name, values);

    [Fact]
    public void A_request_becomes_a_payload_format_2_event_with_lowercased_headers_and_comma_joined_repeated_parameters()
    {
        var payload = FunctionUrlEvent.Build(
            "GET", "/days", "from=2025-03-03&from=2025-03-04&to=2025-03-09",
            [Header("User-Agent", "curl/8.5.0"), Header("Accept", "*/*")],
            [Header("from", "2025-03-03", "2025-03-04"), Header("to", "2025-03-09")],
            [], "127.0.0.1:8080", "127.0.0.1", new DateTimeOffset(2025, 3, 3, 10, 15, 0, TimeSpan.Zero));

        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        Assert.Equal(("2.0", "$default", "/days"), (root.GetProperty("version").GetString(), root.GetProperty("routeKey").GetString(), root.GetProperty("rawPath").GetString()));
        Assert.Equal("from=2025-03-03&from=2025-03-04&to=2025-03-09", root.GetProperty("rawQueryString").GetString());
        Assert.Equal("""{"user-agent":"curl/8.5.0","accept":"*/*"}""", root.GetProperty("headers").GetRawText());
        Assert.Equal("""{"from":"2025-03-03,2025-03-04","to":"2025-03-09"}""", root.GetProperty("queryStringParameters").GetRawText());
        var context = root.GetProperty("requestContext");
        Assert.Equal(("GET", "/days", "curl/8.5.0"), (context.GetProperty("http").GetProperty("method").GetString(),
            context.GetProperty("http").GetProperty("path").GetString(), context.GetProperty("http").GetProperty("userAgent").GetString()));
        Assert.Equal(("03/Mar/2025:10:15:00 +0000", 1740996900000), (context.GetProperty("time").GetString(), context.GetProperty("timeEpoch").GetInt64()));
        Assert.False(context.TryGetProperty("authorizer", out _), "no authentication locally: no authorizer block, as with AuthType NONE");
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void A_request_without_query_has_no_queryStringParameters_and_a_body_is_base64()
    {
        var payload = FunctionUrlEvent.Build("POST", "/today", "", [], [], "{}"u8, "127.0.0.1:8080", "127.0.0.1", DateTimeOffset.UnixEpoch);

        using var json = JsonDocument.Parse(payload);
        Assert.False(json.RootElement.TryGetProperty("queryStringParameters", out _));
        Assert.Equal(Convert.ToBase64String("{}"u8), json.RootElement.GetProperty("body").GetString());
        Assert.True(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void The_functions_answer_becomes_status_headers_and_body()
    {
        var (status, headers, body) = FunctionUrlEvent.ReadResponse(
            """{"statusCode":405,"headers":{"content-type":"application/json","allow":"GET"},"body":"{\"error\":\"x\"}","isBase64Encoded":false}""");

        Assert.Equal(405, status);
        Assert.Equal([KeyValuePair.Create("content-type", "application/json"), KeyValuePair.Create("allow", "GET")], headers);
        Assert.Equal("""{"error":"x"}""", Encoding.UTF8.GetString(body));
    }
}
