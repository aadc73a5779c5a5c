namespace RewardAnalytics.Local.Api;

/// <summary>Why the local function URL could not read a request (it answers each with the same 400).</summary>
internal enum LocalHttpRequestProblem
{
    /// <summary>No problem: the request was read.</summary>
    None = 0,

    /// <summary>The connection ended before the blank line that ends the headers.</summary>
    HeadersCutShort,

    /// <summary>No blank line within the first 64 KiB: the request line and headers are too large.</summary>
    HeadersTooLarge,

    /// <summary>The request line is not <c>METHOD /target HTTP/1.x</c> (three parts split by single spaces, an origin-form target).</summary>
    MalformedRequestLine,

    /// <summary>The request has a <c>Transfer-Encoding</c> header (a chunked body): only <c>Content-Length</c> bodies are read.</summary>
    TransferEncodingUnsupported,

    /// <summary>The <c>Content-Length</c> is negative or over 1 MiB.</summary>
    ContentLengthOutOfRange,
}
