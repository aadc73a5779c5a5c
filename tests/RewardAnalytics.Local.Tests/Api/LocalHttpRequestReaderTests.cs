using System.Text;
using CsCheck;
using RewardAnalytics.Local.Api;

namespace RewardAnalytics.Local.Tests.Api;

/// <summary>What the local function URL reads of an HTTP/1.1 request, and the 400 problem it names for what it cannot read.</summary>
public sealed class LocalHttpRequestReaderTests
{
    private static KeyValuePair<string, string[]> Pair(string name, params string[] values) => KeyValuePair.Create(name, values);

    private static async Task<LocalHttpRequestRead> ReadAsync(string request) =>
        await LocalHttpRequestReader.ReadAsync(new MemoryStream(Encoding.Latin1.GetBytes(request)), CancellationToken.None);

    private static async Task<LocalHttpRequest> ReadRequestAsync(string request)
    {
        var read = await ReadAsync(request);
        Assert.Equal(LocalHttpRequestProblem.None, read.Problem);
        return Assert.IsType<LocalHttpRequest>(read.Request);
    }

    [Fact]
    public async Task A_GET_gives_its_method_and_its_target_split_at_the_first_question_mark_still_encoded()
    {
        var request = await ReadRequestAsync("GET /days/2025%2D03%2D03?from=2025-03-03&to=a+b?c HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        Assert.Equal(("GET", "/days/2025%2D03%2D03", "from=2025-03-03&to=a+b?c"), (request.Method, request.RawPath, request.RawQueryString));
        Assert.Equal([Pair("from", "2025-03-03"), Pair("to", "a b?c")], request.Query);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task A_target_without_a_query_has_an_empty_raw_query_and_no_parameters()
    {
        var request = await ReadRequestAsync("GET /today HTTP/1.0\r\n\r\n");

        Assert.Equal(("/today", ""), (request.RawPath, request.RawQueryString));
        Assert.Empty(request.Query);
        Assert.Empty(request.Headers);
    }

    [Fact]
    public async Task Headers_are_grouped_by_lower_cased_name_in_first_seen_order_with_trimmed_values_and_lines_without_a_colon_ignored()
    {
        var request = await ReadRequestAsync(
            "GET / HTTP/1.1\r\nHost:  127.0.0.1:8080 \r\nX-Tag: a\r\nnot a header\r\nACCEPT: */*\r\nx-tag:b\r\n\r\n");

        Assert.Equal(
            [Pair("host", "127.0.0.1:8080"), Pair("x-tag", "a", "b"), Pair("accept", "*/*")],
            request.Headers);
        Assert.Equal(("127.0.0.1:8080", "a", null), (request.FirstHeader("HOST"), request.FirstHeader("x-tag"), request.FirstHeader("user-agent")));
    }

    [Fact]
    public async Task Header_bytes_are_read_as_Latin_1()
    {
        var request = await ReadRequestAsync("GET / HTTP/1.1\r\nX-Name: caf\u00e9\r\n\r\n");

        Assert.Equal("caf\u00e9", request.FirstHeader("x-name"));
    }

    [Fact]
    public async Task A_POST_without_a_body_or_Content_Length_as_curl_sends_it_is_read_with_an_empty_body()
    {
        // The stream ends right after the headers: a reader that waited for a body would fail here.
        var request = await ReadRequestAsync("POST /today HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n");

        Assert.Equal(("POST", "/today"), (request.Method, request.RawPath));
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task A_body_is_Content_Length_bytes_however_the_stream_hands_them_out_and_what_follows_is_left()
    {
        var bytes = Encoding.UTF8.GetBytes("POST /today HTTP/1.1\r\nContent-Length: 13\r\n\r\n{\"name\":\"é\"}NEXT");

        var read = await LocalHttpRequestReader.ReadAsync(new ChunkedReadStream(bytes), CancellationToken.None);

        Assert.Equal("{\"name\":\"é\"}", Encoding.UTF8.GetString(Assert.IsType<LocalHttpRequest>(read.Request).Body));
    }

    [Fact]
    public async Task Any_split_of_a_request_into_reads_gives_the_same_request_as_one_read()
    {
        var bytes = Encoding.UTF8.GetBytes("PUT /days?x=%C3%A9&x=2 HTTP/1.1\r\nHost: h\r\nContent-Length: 20\r\n\r\n01234567890123456789");
        var whole = (await LocalHttpRequestReader.ReadAsync(new MemoryStream(bytes), CancellationToken.None)).Request!;

        await Gen.Int[1, 40].List[0, 12].SampleAsync(async chunks =>
        {
            var split = (await LocalHttpRequestReader.ReadAsync(new ChunkedReadStream(bytes, chunks), CancellationToken.None)).Request!;
            Assert.Equal((whole.Method, whole.RawPath, whole.RawQueryString), (split.Method, split.RawPath, split.RawQueryString));
            Assert.Equal(whole.Headers, split.Headers);
            Assert.Equal(whole.Query, split.Query);
            Assert.Equal(whole.Body, split.Body);
        });
    }

    [Theory]
    [InlineData("GET /today")] // two parts
    [InlineData("GET /today HTTP/1.1 extra")] // four parts
    [InlineData("GET  /today HTTP/1.1")] // a double space makes an empty part
    [InlineData("GET today HTTP/1.1")] // not an origin-form target
    [InlineData("GET http://127.0.0.1/today HTTP/1.1")] // absolute form, as a proxy gets it
    [InlineData("GET /today HTTP/2.0")]
    [InlineData("GET /today http/1.1")]
    [InlineData("")] // a blank line first
    public async Task A_request_line_that_is_not_method_origin_target_and_HTTP_1_is_a_malformed_request_line(string requestLine)
    {
        var read = await ReadAsync(requestLine + "\r\nHost: 127.0.0.1\r\n\r\n");

        Assert.Equal((null, LocalHttpRequestProblem.MalformedRequestLine), (read.Request, read.Problem));
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET /today HTTP/1.1\r\nHost: 127.0.0.1\r\n")]
    [InlineData("GET /today HTTP/1.1\n\n")] // bare line feeds never end the headers
    public async Task A_stream_that_ends_before_the_blank_line_after_the_headers_is_headers_cut_short(string request)
    {
        var read = await ReadAsync(request);

        Assert.Equal((null, LocalHttpRequestProblem.HeadersCutShort), (read.Request, read.Problem));
    }

    [Fact]
    public async Task Headers_that_end_on_the_64_KiB_limit_are_read_and_one_byte_more_is_headers_too_large()
    {
        const string Head = "GET / HTTP/1.1\r\nX-Pad: ";
        var fits = Head + new string('a', LocalHttpRequestReader.MaxHeaderBytes - Head.Length - 4) + "\r\n\r\n";
        var over = Head + new string('a', LocalHttpRequestReader.MaxHeaderBytes - Head.Length - 3) + "\r\n\r\n";

        var read = await ReadAsync(fits);
        var tooLarge = await ReadAsync(over);

        Assert.Equal(LocalHttpRequestReader.MaxHeaderBytes - Head.Length - 4, read.Request?.FirstHeader("x-pad")?.Length);
        Assert.Equal((null, LocalHttpRequestProblem.HeadersTooLarge), (tooLarge.Request, tooLarge.Problem));
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked")]
    [InlineData("transfer-encoding: identity\r\nContent-Length: 2")]
    public async Task A_request_with_a_Transfer_Encoding_is_not_read(string header)
    {
        var read = await ReadAsync($"POST /today HTTP/1.1\r\n{header}\r\n\r\n2\r\n{{}}\r\n0\r\n\r\n");

        Assert.Equal((null, LocalHttpRequestProblem.TransferEncodingUnsupported), (read.Request, read.Problem));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(LocalHttpRequestReader.MaxBodyBytes + 1)]
    public async Task A_Content_Length_below_zero_or_over_1_MiB_is_out_of_range(int length)
    {
        var read = await ReadAsync($"POST /today HTTP/1.1\r\nContent-Length: {length}\r\n\r\n");

        Assert.Equal((null, LocalHttpRequestProblem.ContentLengthOutOfRange), (read.Request, read.Problem));
    }

    [Fact]
    public async Task A_body_of_exactly_1_MiB_is_read()
    {
        var request = await ReadRequestAsync($"POST /today HTTP/1.1\r\nContent-Length: {LocalHttpRequestReader.MaxBodyBytes}\r\n\r\n" + new string('x', LocalHttpRequestReader.MaxBodyBytes));

        Assert.Equal(LocalHttpRequestReader.MaxBodyBytes, request.Body.Length);
    }

    [Theory]
    [InlineData("Content-Length: ten")]
    [InlineData("Content-Length: 2\r\nContent-Length: 2")]
    public async Task A_Content_Length_that_is_not_one_integer_reads_as_no_body(string header)
    {
        var request = await ReadRequestAsync($"POST /today HTTP/1.1\r\n{header}\r\n\r\n{{}}");

        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task A_stream_that_ends_inside_the_body_throws_end_of_stream_as_a_client_that_went_away()
    {
        await Assert.ThrowsAsync<EndOfStreamException>(() => ReadAsync("POST /today HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345"));
    }

    [Theory]
    [InlineData("a=1&b=2", "a=1|b=2")]
    [InlineData("a=1&a=2&b=3&a=4", "a=1,2,4|b=3")]
    [InlineData("q=a+b%20c%2Bd", "q=a b c+d")]
    [InlineData("q=%C3%A9t%C3%A9", "q=été")]
    [InlineData("%66rom=x", "from=x")]
    [InlineData("flag&x=", "flag=|x=")]
    [InlineData("&&a=1&", "a=1")]
    [InlineData("a=b=c", "a=b=c")]
    [InlineData("a=%zz%4", "a=%zz%4")] // not an escape: left as it is
    [InlineData("", "")]
    public void Query_parameters_are_percent_decoded_with_plus_as_space_and_grouped_by_name(string rawQuery, string expected)
    {
        var query = LocalHttpRequestReader.Query(rawQuery);

        Assert.Equal(expected, string.Join('|', query.Select(p => $"{p.Key}={string.Join(',', p.Value)}")));
    }

    [Fact]
    public void Any_parameters_escaped_into_a_query_string_decode_back_grouped_by_name()
    {
        var parameters = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 3], Gen.String[Gen.Char[' ', '\u07ff'], 0, 12]).List[0, 8];

        parameters.Sample(list =>
        {
            var rawQuery = string.Join('&', list.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));

            var query = LocalHttpRequestReader.Query(rawQuery);

            var expected = list.GroupBy(p => p.Item1, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Select(p => p.Item2).ToArray()));
            Assert.Equal(expected, query);
        });
    }
}
