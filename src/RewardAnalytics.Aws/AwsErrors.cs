using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace RewardAnalytics.Aws;

/// <summary>Tells a passing AWS failure (worth retrying the batch) from one that needs a person.</summary>
public static class AwsErrors
{
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

    /// <summary>A one-line description for operators: what failed and against which endpoint.</summary>
    public static string Describe(Exception error) => error switch
    {
        ResourceNotFoundException => $"table not found ({error.Message})",
        AmazonServiceException service => $"{service.ErrorCode ?? service.GetType().Name}: {service.Message}",
        HttpRequestException or SocketException => $"endpoint unreachable ({error.Message})",
        AmazonClientException { InnerException: { } inner } => Describe(inner),
        _ => error.Message,
    };
}
