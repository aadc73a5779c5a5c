namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// How Lambda retries the daily finalizer. EventBridge Scheduler invokes it asynchronously, so once Lambda has accepted
/// the event a failing run is retried by Lambda's asynchronous invocation (the function's event invoke config), not by
/// the schedule's retry policy; when Lambda gives up, the invocation record (the event and the error) goes to the
/// failed-batches bucket, an S3 on-failure destination that keeps it.
/// </summary>
public sealed record FinalizerInvokeParameters
{
    /// <summary>Lambda's maximum: a run is idempotent, so every retry Lambda allows is worth having.</summary>
    public const int DefaultMaximumRetryAttempts = 2;

    /// <summary>An event still not run an hour after 00:05 is given up (and alarmed) hours before the report deadline.</summary>
    public const int DefaultMaximumEventAgeSeconds = 3600;

    public const int MaximumRetryAttemptsLimit = 2;
    public const int MinimumEventAgeSeconds = 60;
    public const int MaximumEventAgeSecondsLimit = 21600;

    public int MaximumRetryAttempts { get; init; } = DefaultMaximumRetryAttempts;
    public int MaximumEventAgeSeconds { get; init; } = DefaultMaximumEventAgeSeconds;

    /// <summary>The key prefix under which Lambda writes a function's failed asynchronous invocation records to an S3 destination.</summary>
    public static string FailureRecordPrefix(string functionName) => $"aws/lambda/async/{functionName}/";

    public static FinalizerInvokeParameters FromConfig(StackConfigReader config) => new()
    {
        MaximumRetryAttempts = config.Integer(ConfigKeys.FinalizerRetryAttempts, DefaultMaximumRetryAttempts, 0, MaximumRetryAttemptsLimit,
            "Lambda retries an asynchronous invocation at most twice"),
        MaximumEventAgeSeconds = config.Integer(ConfigKeys.FinalizerMaximumEventAgeSeconds, DefaultMaximumEventAgeSeconds, MinimumEventAgeSeconds, MaximumEventAgeSecondsLimit),
    };
}
