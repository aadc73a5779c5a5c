using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace RewardAnalytics.Aws;

/// <summary>Tells a passing AWS failure (worth retrying the batch) from one that needs a person, and says either in one line.</summary>
public static class AwsErrors
{
    private const string NoCredentials = "Failed to resolve AWS credentials";
    private const string NoRegion = "No RegionEndpoint or ServiceURL configured";

    /// <summary>True for throttling, 5xx, timeouts and network failures: the batch is worth retrying as it is.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException => true,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        AmazonServiceException { ErrorCode: "ThrottlingException" or "Throttling" or "SlowDown" or "RequestTimeout" } => true,
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        AmazonClientException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    /// <summary>
    /// When <paramref name="error"/> says the environment lacks what every AWS call needs (credentials, a region), that
    /// in one line naming the variables to set; null for any other failure.
    /// </summary>
    public static string? MissingSetting(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e.Message.StartsWith(NoCredentials, StringComparison.Ordinal))
            {
                return "no AWS credentials were found: expected AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile (AWS_PROFILE), " +
                       "or a role the SDK can use (web identity, container or instance)";
            }

            if (e.Message.StartsWith(NoRegion, StringComparison.Ordinal))
            {
                return $"{AwsClients.RegionVariable} is not set: expected the region of the tables and bucket, such as eu-west-1 " +
                       $"(or {AwsClients.DynamoDbEndpointVariable} and {AwsClients.S3EndpointVariable} naming local endpoints)";
            }
        }

        return null;
    }

    /// <summary>
    /// A one-line description for operators: what failed and against which endpoint. <paramref name="environment"/>
    /// (the variables the clients were made from) lets an answer that is not the service's own name the endpoint variable
    /// that points elsewhere.
    /// </summary>
    public static string Describe(Exception error, Func<string, string?>? environment = null) => error switch
    {
        _ when MissingSetting(error) is { } missing => missing,
        ResourceNotFoundException => $"table not found ({OneLine(error.Message)})",
        AmazonServiceException service when IsForeignAnswer(service) => ForeignAnswer(service, environment),
        AmazonServiceException service => $"{service.ErrorCode ?? service.GetType().Name}: {OneLine(service.Message)}",
        HttpRequestException or SocketException => $"endpoint unreachable ({OneLine(error.Message)})",
        AmazonClientException { InnerException: { } inner } => Describe(inner, environment),
        _ => OneLine(error.Message),
    };

    /// <summary>
    /// True when the answer was not the service's: no error code of its protocol, a body the SDK could not read, or the
    /// SDK's "no further error information" for a response with none (a web server, another AWS emulator, a proxy).
    /// </summary>
    public static bool IsForeignAnswer(AmazonServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is AmazonUnmarshallingException
            || string.IsNullOrEmpty(error.ErrorCode)
            || error.Message.Contains("No further error information was returned by the service", StringComparison.Ordinal)
            || error.Message.StartsWith("The service returned an error", StringComparison.Ordinal);
    }

    /// <summary>The service a client error came from, by the SDK namespace of its exception or its stack (null when neither says).</summary>
    private static (string Name, string Variable)? ServiceOf(Exception error)
    {
        var where = (error.GetType().Namespace ?? string.Empty) + "\n" + error.StackTrace;
        return where.Contains("Amazon.DynamoDBv2", StringComparison.Ordinal) ? ("DynamoDB", AwsClients.DynamoDbEndpointVariable)
            : where.Contains("Amazon.S3", StringComparison.Ordinal) ? ("S3", AwsClients.S3EndpointVariable)
            : null;
    }

    private static string ForeignAnswer(AmazonServiceException error, Func<string, string?>? environment)
    {
        var status = error.StatusCode == 0 ? "an answer" : $"HTTP {(int)error.StatusCode}";
        var service = ServiceOf(error);
        var variables = service is { } known ? [known.Variable] : new[] { AwsClients.DynamoDbEndpointVariable, AwsClients.S3EndpointVariable };
        var overrides = string.Join(" or ", variables
            .Select(v => (Variable: v, Value: environment?.Invoke(v)))
            .Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .Select(v => $"{v.Variable} '{v.Value}'"));
        if (service is not { Name: var name })
        {
            return overrides.Length > 0
                ? $"the endpoint answered {status} that is not an AWS answer: is {overrides} right?"
                : $"the endpoint answered {status} that is not an AWS answer (a proxy in the way?)";
        }

        return overrides.Length > 0
            ? $"{name} answered {status} in a form {name} does not use: is {overrides} the {name} endpoint?"
            : $"{name} answered {status} in a form {name} does not use (a proxy or another service in the way?)";
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim() is { Length: > 0 } line ? line : "no details";
}
