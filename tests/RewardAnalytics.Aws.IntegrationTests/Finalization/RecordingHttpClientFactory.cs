using System.Collections.Concurrent;
using Amazon.Runtime;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>
/// Gives the real SDK client an ordinary HttpClient whose handler notes each request's method, path and headers
/// before sending it on to the emulator: what went over the wire, for what the emulator does not echo back.
/// </summary>
public sealed class RecordingHttpClientFactory : HttpClientFactory
{
    public ConcurrentQueue<(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers)> Requests { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new RecordingHandler(this));

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    private sealed class RecordingHandler(RecordingHttpClientFactory owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
            owner.Requests.Enqueue((request.Method, request.RequestUri?.AbsolutePath ?? "", headers));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
