using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace RewardAnalytics.Aws;

/// <summary>
/// Creates SDK clients from the standard environment: <c>AWS_REGION</c>, the default credential chain, and
/// <c>AWS_ENDPOINT_URL_DYNAMODB</c> / <c>AWS_ENDPOINT_URL_S3</c> to point at the local emulators (S3 then uses
/// path-style addressing). Throttling and 5xx are retried by the SDK with backoff (standard retry mode).
/// </summary>
public static class AwsClients
{
    /// <summary>Endpoint override for DynamoDB (set to the local emulator's URL).</summary>
    public const string DynamoDbEndpointVariable = "AWS_ENDPOINT_URL_DYNAMODB";
    /// <summary>Endpoint override for S3 (set to the local emulator's URL; switches on path-style addressing).</summary>
    public const string S3EndpointVariable = "AWS_ENDPOINT_URL_S3";
    /// <summary>The AWS region variable (falls back to <c>AWS_DEFAULT_REGION</c>).</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>A DynamoDB client from the environment <paramref name="env"/> (the process environment when null), with the SDK's standard retry mode retrying throttling and 5xx up to <paramref name="maxErrorRetry"/> times.</summary>
    public static IAmazonDynamoDB CreateDynamoDb(Func<string, string?>? env = null, int maxErrorRetry = 5)
    {
        env ??= Environment.GetEnvironmentVariable;
        var config = new AmazonDynamoDBConfig { RetryMode = RequestRetryMode.Standard, MaxErrorRetry = maxErrorRetry };
        Configure(config, env, env(DynamoDbEndpointVariable));
        return Credentials(env) is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }

    /// <summary>An S3 client from the environment <paramref name="env"/> (the process environment when null), with the SDK's standard retry mode.</summary>
    public static IAmazonS3 CreateS3(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var endpoint = env(S3EndpointVariable);
        var config = new AmazonS3Config { RetryMode = RequestRetryMode.Standard, MaxErrorRetry = 5 };
        Configure(config, env, endpoint);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            config.ForcePathStyle = true;
        }

        return Credentials(env) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    /// <summary>Keys given in the environment (the local emulators' keys, say); otherwise the SDK's default chain.</summary>
    private static AWSCredentials? Credentials(Func<string, string?> env)
    {
        var keyId = env("AWS_ACCESS_KEY_ID");
        var secret = env("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrWhiteSpace(keyId) || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var token = env("AWS_SESSION_TOKEN");
        return string.IsNullOrWhiteSpace(token) ? new BasicAWSCredentials(keyId, secret) : new SessionAWSCredentials(keyId, secret, token);
    }

    private static void Configure(ClientConfig config, Func<string, string?> env, string? endpoint)
    {
        var region = env(RegionVariable) ?? env("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else if (!string.IsNullOrWhiteSpace(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
    }
}
