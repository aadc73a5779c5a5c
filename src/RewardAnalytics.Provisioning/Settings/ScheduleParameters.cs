namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// The EventBridge Scheduler schedule that runs the daily finalizer at 00:05 in the report time zone (Scheduler
/// evaluates the cron in that zone, daylight-saving changes included), at the exact minute (flexible window off).
/// Scheduler invokes Lambda asynchronously: its bounded retry policy covers only handing the event to Lambda (an Invoke
/// call that is throttled or fails); a run that fails is retried by Lambda (<see cref="FinalizerInvokeParameters"/>).
/// </summary>
public sealed record ScheduleParameters
{
    /// <summary>Every day at 00:05 (evaluated in <see cref="TimeZone"/>).</summary>
    public const string Expression = "cron(5 0 * * ? *)";
    /// <summary>No flexible window: the run starts at the exact minute.</summary>
    public const string FlexibleTimeWindowMode = "OFF";
    /// <summary>The schedule is enabled when created.</summary>
    public const string State = "ENABLED";
    /// <summary>Scheduler's retries of handing the event to Lambda when none is configured.</summary>
    public const int DefaultMaximumRetryAttempts = 5;
    /// <summary>How long Scheduler keeps trying to hand the event over when none is configured.</summary>
    public const int DefaultMaximumEventAgeSeconds = 3600;

    /// <summary>The finalizer's input: an empty object means "finalize yesterday in the report time zone".</summary>
    public const string Input = "{}";

    /// <summary>The report time zone, in which the cron expression is evaluated.</summary>
    public required string TimeZone { get; init; }
    /// <summary>How many times Scheduler retries handing the event to Lambda.</summary>
    public int MaximumRetryAttempts { get; init; } = DefaultMaximumRetryAttempts;
    /// <summary>How long Scheduler keeps trying to hand the event to Lambda.</summary>
    public int MaximumEventAgeSeconds { get; init; } = DefaultMaximumEventAgeSeconds;

    /// <summary>Reads and checks the schedule settings, recording problems in <paramref name="config"/>; the cron runs in <paramref name="reportTimeZone"/>.</summary>
    public static ScheduleParameters FromConfig(StackConfigReader config, string reportTimeZone) => new()
    {
        TimeZone = reportTimeZone,
        MaximumRetryAttempts = config.Integer(ConfigKeys.ScheduleRetryAttempts, DefaultMaximumRetryAttempts, 0, 185),
        MaximumEventAgeSeconds = config.Integer(ConfigKeys.ScheduleMaximumEventAgeSeconds, DefaultMaximumEventAgeSeconds, 60, 86400),
    };
}
