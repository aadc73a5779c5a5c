namespace RewardAnalytics.Local.Api;

/// <summary>What reading one request gave: the request, or the problem that makes it unreadable (never both).</summary>
/// <param name="Request">The request; null when <paramref name="Problem"/> is not <see cref="LocalHttpRequestProblem.None"/>.</param>
/// <param name="Problem">Why the request could not be read, or <see cref="LocalHttpRequestProblem.None"/>.</param>
internal sealed record LocalHttpRequestRead(LocalHttpRequest? Request, LocalHttpRequestProblem Problem)
{
    /// <summary>A request that was read.</summary>
    public static LocalHttpRequestRead Of(LocalHttpRequest request) => new(request, LocalHttpRequestProblem.None);

    /// <summary>A request that could not be read, for <paramref name="problem"/>.</summary>
    public static LocalHttpRequestRead Unreadable(LocalHttpRequestProblem problem) => new(null, problem);
}
