namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// The EventBridge Scheduler schedule that runs the daily finalizer at 00:05 in the report time zone (Scheduler
/// evaluates the cron in that zone, daylight-saving changes included), at the exact minute (flexible window off).
/// Scheduler invokes Lambda asynchronously: its bounded retry policy covers only handing the event to Lambda (an Invoke
/// call that is throttled or fails); a run that fails is retried by Lambda (<see cref="FinalizerInvokeParameters"/>).
/// </summary>
public sealed record ScheduleParameters
{
    public const string Expression = "cron(5 0 * * ? *)";
    public const string FlexibleTimeWindowMode = "OFF";
    public const string State = "ENABLED";
    public const int DefaultMaximumRetryAttempts = 5;
    public const int DefaultMaximumEventAgeSeconds = 3600;

    /// <summary>The finalizer's input: an empty object means "finalize yesterday in the report time zone".</summary>
    public const string Input = "{}";

    public required string TimeZone { get; init; }
    public int MaximumRetryAttempts { get; init; } = DefaultMaximumRetryAttempts;
    public int MaximumEventAgeSeconds { get; init; } = DefaultMaximumEventAgeSeconds;

    public static ScheduleParameters FromConfig(StackConfigReader config, string reportTimeZone) => new()
    {
        TimeZone = reportTimeZone,
        MaximumRetryAttempts = config.Integer(ConfigKeys.ScheduleRetryAttempts, DefaultMaximumRetryAttempts, 0, 185),
        MaximumEventAgeSeconds = config.Integer(ConfigKeys.ScheduleMaximumEventAgeSeconds, DefaultMaximumEventAgeSeconds, 60, 86400),
    };
}
