using System.Globalization;
using NodaTime;

namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// The EventBridge Scheduler schedules that run the daily finalizer at 00:05 in the report time zone (Scheduler
/// evaluates the cron in that zone, daylight-saving changes included), at the exact minute (flexible window off), and
/// again at 04:05 (<see cref="MorningRun"/>): Scheduler skips a run whose local time does not exist, and 00:05 does not
/// exist once a year in zones whose clocks jump at midnight (Africa/Cairo, America/Havana, America/Santiago,
/// Asia/Beirut, Atlantic/Azores). A run is idempotent, so the second one finalizes a day the first did not, and changes
/// nothing otherwise (or publishes a revision for records that arrived late in between, as a re-check would).
/// Scheduler invokes Lambda asynchronously: its bounded retry policy covers only handing the event to Lambda (an Invoke
/// call that is throttled or fails); a run that fails is retried by Lambda (<see cref="FinalizerInvokeParameters"/>).
/// </summary>
public sealed record ScheduleParameters
{
    /// <summary>Every day at 00:05 (evaluated in <see cref="TimeZone"/>).</summary>
    public const string Expression = "cron(5 0 * * ? *)";
    /// <summary>Every day at 04:05 (evaluated in <see cref="TimeZone"/>): the second, idempotent run.</summary>
    public const string MorningExpression = "cron(5 4 * * ? *)";

    /// <summary>The first run's local time: five minutes into the new day.</summary>
    public static readonly LocalTime FirstRun = new(0, 5);

    /// <summary>
    /// The second run's local time: after every clock change in the time zone database for years to come (the latest
    /// jump starts 03:00 and ends 04:00, Europe/Athens and others; <c>ScheduleParametersTests</c> walks every zone), and
    /// before the default finalizer deadline (06:00).
    /// </summary>
    public static readonly LocalTime MorningRun = new(4, 5);

    /// <summary>The local times of the finalizer's runs, each a schedule of its own.</summary>
    public static IReadOnlyList<LocalTime> RunTimes { get; } = [FirstRun, MorningRun];
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

    /// <summary>The daily Scheduler cron expression at <paramref name="time"/> (minute precision).</summary>
    public static string CronAt(LocalTime time) =>
        string.Create(CultureInfo.InvariantCulture, $"cron({time.Minute} {time.Hour} * * ? *)");

    /// <summary>Reads and checks the schedule settings, recording problems in <paramref name="config"/>; the cron runs in <paramref name="reportTimeZone"/>.</summary>
    internal static ScheduleParameters FromConfig(StackConfigReader config, string reportTimeZone) => new()
    {
        TimeZone = reportTimeZone,
        MaximumRetryAttempts = config.Integer(ConfigKeys.ScheduleRetryAttempts, DefaultMaximumRetryAttempts, 0, 185),
        MaximumEventAgeSeconds = config.Integer(ConfigKeys.ScheduleMaximumEventAgeSeconds, DefaultMaximumEventAgeSeconds, 60, 86400),
    };
}
