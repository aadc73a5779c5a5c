namespace RewardAnalytics.Functions.Api;

/// <summary>
/// An HTTP request as a function URL hands it over: the method, the raw path, and the query parameters (Lambda joins a
/// repeated parameter's values with commas).
/// </summary>
internal sealed record FunctionUrlRequest(string Method, string RawPath, IReadOnlyDictionary<string, string> Query) : TotalsApiEvent;
