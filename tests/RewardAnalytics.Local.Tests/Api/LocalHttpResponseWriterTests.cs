using System.Text;
using RewardAnalytics.Local.Api;

namespace RewardAnalytics.Local.Tests.Api;

/// <summary>The exact HTTP/1.1 bytes the local function URL sends back for a status, headers and body.</summary>
public sealed class LocalHttpResponseWriterTests
{
    private static KeyValuePair<string, string> Header(string name, string value) => KeyValuePair.Create(name, value);

    [Fact]
    public void A_response_is_the_status_line_the_headers_in_order_its_length_connection_close_and_the_body()
    {
        var bytes = LocalHttpResponseWriter.Format(405, [Header("content-type", "application/json"), Header("allow", "GET")], """{"error":"x"}"""u8);

        Assert.Equal(
            "HTTP/1.1 405 Method Not Allowed\r\ncontent-type: application/json\r\nallow: GET\r\ncontent-length: 13\r\nconnection: close\r\n\r\n{\"error\":\"x\"}",
            Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void A_content_length_among_the_headers_in_any_case_is_replaced_by_the_bodys_length_in_bytes()
    {
        var body = Encoding.UTF8.GetBytes("été");

        var bytes = LocalHttpResponseWriter.Format(200, [Header("Content-Length", "999"), Header("x-a", "1"), Header("content-length", "3")], body);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal("HTTP/1.1 200 OK\r\nx-a: 1\r\ncontent-length: 5\r\nconnection: close\r\n\r\nété", text);
    }

    [Fact]
    public void An_empty_body_has_content_length_zero_and_nothing_after_the_blank_line()
    {
        var bytes = LocalHttpResponseWriter.Format(404, [], []);

        Assert.Equal("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void The_body_goes_out_byte_for_byte_and_header_values_as_Latin_1()
    {
        byte[] body = [0x00, 0xff, 0x0d, 0x0a, 0x80];

        var bytes = LocalHttpResponseWriter.Format(200, [Header("x-name", "café")], body);

        const string Head = "HTTP/1.1 200 OK\r\nx-name: caf\u00e9\r\ncontent-length: 5\r\nconnection: close\r\n\r\n";
        Assert.Equal([.. Encoding.Latin1.GetBytes(Head), .. body], bytes);
    }

    [Theory]
    [InlineData(200, "OK")]
    [InlineData(400, "Bad Request")]
    [InlineData(404, "Not Found")]
    [InlineData(405, "Method Not Allowed")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(502, "Bad Gateway")]
    [InlineData(409, "Conflict")]
    [InlineData(204, "No Content")]
    [InlineData(418, "Status")]
    public void Each_status_the_totals_API_answers_has_its_reason_phrase_and_any_other_says_Status(int status, string phrase)
    {
        Assert.Equal(phrase, LocalHttpResponseWriter.ReasonPhrase(status));
        Assert.StartsWith($"HTTP/1.1 {status} {phrase}\r\n", Encoding.Latin1.GetString(LocalHttpResponseWriter.Format(status, [], [])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_to_a_stream_writes_exactly_the_formatted_bytes()
    {
        using var stream = new MemoryStream();
        byte[] body = [1, 2, 3];

        await LocalHttpResponseWriter.WriteAsync(stream, 502, [Header("content-type", "application/json")], body, CancellationToken.None);

        Assert.Equal(LocalHttpResponseWriter.Format(502, [Header("content-type", "application/json")], body), stream.ToArray());
    }
}
