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

    /// <summary>The most retries Lambda allows for an asynchronous invocation.</summary>
    public const int MaximumRetryAttemptsLimit = 2;
    /// <summary>The shortest event age Lambda accepts.</summary>
    public const int MinimumEventAgeSeconds = 60;
    /// <summary>The longest event age Lambda accepts (six hours).</summary>
    public const int MaximumEventAgeSecondsLimit = 21600;

    /// <summary>How many times Lambda retries a failed finalizer run.</summary>
    public int MaximumRetryAttempts { get; init; } = DefaultMaximumRetryAttempts;
    /// <summary>How long Lambda keeps trying an accepted event before giving up on it.</summary>
    public int MaximumEventAgeSeconds { get; init; } = DefaultMaximumEventAgeSeconds;

    /// <summary>The key prefix under which Lambda writes a function's failed asynchronous invocation records to an S3 destination.</summary>
    public static string FailureRecordPrefix(string functionName) => $"aws/lambda/async/{functionName}/";

    /// <summary>Reads and checks the retry settings, recording problems in <paramref name="config"/>.</summary>
    internal static FinalizerInvokeParameters FromConfig(StackConfigReader config) => new()
    {
        MaximumRetryAttempts = config.Integer(ConfigKeys.FinalizerRetryAttempts, DefaultMaximumRetryAttempts, 0, MaximumRetryAttemptsLimit,
            "Lambda retries an asynchronous invocation at most twice"),
        MaximumEventAgeSeconds = config.Integer(ConfigKeys.FinalizerMaximumEventAgeSeconds, DefaultMaximumEventAgeSeconds, MinimumEventAgeSeconds, MaximumEventAgeSecondsLimit),
    };
}
