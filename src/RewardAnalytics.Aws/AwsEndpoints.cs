using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Aws;

/// <summary>
/// The endpoint overrides the SDK clients honour (<c>AWS_ENDPOINT_URL</c>, <c>AWS_ENDPOINT_URL_DYNAMODB</c>,
/// <c>AWS_ENDPOINT_URL_S3</c>), checked with the service's other settings: a value the HTTP stack cannot send to
/// (<c>localhost:8000</c> reads as a URL of scheme <c>localhost</c>, <c>ftp://x</c>) otherwise surfaces at the first
/// request as an unhandled <see cref="NotSupportedException"/>.
/// </summary>
public static class AwsEndpoints
{
    /// <summary>The SDK's endpoint override for every service (read by the SDK itself when the per-service one is unset).</summary>
    public const string AnyServiceVariable = "AWS_ENDPOINT_URL";

    /// <summary>Every endpoint variable checked, in the order problems are reported.</summary>
    public static IReadOnlyList<string> Variables { get; } = [AnyServiceVariable, AwsClients.DynamoDbEndpointVariable, AwsClients.S3EndpointVariable];

    /// <summary>Records a problem on <paramref name="environment"/> for each endpoint variable that is set but is not an http(s) URL; returns the reader.</summary>
    public static EnvironmentReader Check(EnvironmentReader environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var variable in Variables)
        {
            if (environment.Raw(variable) is { } value && Problem(variable, value) is { } problem)
            {
                environment.Problem(problem);
            }
        }

        return environment;
    }

    /// <summary>What is wrong with <paramref name="value"/> as the endpoint in <paramref name="variable"/>, or null when it is an http(s) URL with a host.</summary>
    public static string? Problem(string variable, string value)
    {
        if (IsHttpUrl(value))
        {
            return null;
        }

        // "localhost:8000" parses as scheme "localhost": the likely intent is the same text after http://.
        return !value.Contains("://", StringComparison.Ordinal) && IsHttpUrl("http://" + value)
            ? $"{variable} is '{value}': expected a URL such as http://{value}"
            : $"{variable} is '{value}': expected an http:// or https:// URL such as http://localhost:8000";
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.Host.Length > 0;
}
