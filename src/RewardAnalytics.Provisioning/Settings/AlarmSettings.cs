using System.Net.Mail;

namespace RewardAnalytics.Provisioning.Settings;

/// <summary>The alarms' thresholds and where they are sent.</summary>
public sealed record AlarmSettings
{
    /// <summary>IteratorAge alarm threshold when none is configured (five minutes behind).</summary>
    public const int DefaultIteratorAgeAlarmSeconds = 300;
    /// <summary>Finalizer deadline when none is configured (06:00).</summary>
    public const int DefaultFinalizerDeadlineHour = 6;

    /// <summary>The aggregator's IteratorAge above this is an alarm: the totals are falling behind the stream.</summary>
    public int IteratorAgeAlarmSeconds { get; init; } = DefaultIteratorAgeAlarmSeconds;

    /// <summary>Hours after the 00:05 run by which a successful finalizer run must have happened.</summary>
    public int FinalizerDeadlineHour { get; init; } = DefaultFinalizerDeadlineHour;

    /// <summary>When set, an SNS topic with this email subscription receives every alarm and its recovery.</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>Reads and checks the alarm settings, recording problems in <paramref name="config"/>.</summary>
    internal static AlarmSettings FromConfig(StackConfigReader config)
    {
        var email = config.Raw(ConfigKeys.AlarmEmail);
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            config.Problem(ConfigKeys.AlarmEmail, $"is '{email}': expected an email address");
        }

        return new AlarmSettings
        {
            IteratorAgeAlarmSeconds = config.Integer(ConfigKeys.IteratorAgeAlarmSeconds, DefaultIteratorAgeAlarmSeconds, 1, 86400),
            FinalizerDeadlineHour = config.Integer(ConfigKeys.FinalizerDeadlineHour, DefaultFinalizerDeadlineHour, 1, 23),
            AlarmEmail = email,
        };
    }
}
