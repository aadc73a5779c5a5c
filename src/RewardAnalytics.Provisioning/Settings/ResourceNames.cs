using System.Text.RegularExpressions;

namespace RewardAnalytics.Provisioning.Settings;

/// <summary>
/// The naming scheme: every physical name is <c>&lt;project&gt;-&lt;stack&gt;-&lt;part&gt;</c>, so two stacks in one
/// account never collide and a name says which stack owns it. Buckets are left to Pulumi's auto-naming (a random
/// suffix keeps them globally unique) unless the analytics bucket's name is configured.
/// </summary>
public sealed partial record ResourceNames
{
    /// <summary>Longest prefix that keeps every derived name within AWS limits (IAM roles: 64; buckets: 63 with suffix).</summary>
    public const int MaximumPrefixLength = 40;

    private ResourceNames(string prefix) => Prefix = prefix;

    public string Prefix { get; }

    public string CreatedRewardsTable => $"{Prefix}-rewards";
    public string AggregatesTable => $"{Prefix}-aggregates";
    public string AnalyticsBucket => $"{Prefix}-analytics";
    public string FailedBatchesBucket => $"{Prefix}-failed-batches";
    public string StreamAggregatorFunction => $"{Prefix}-stream-aggregator";
    public string DailyFinalizerFunction => $"{Prefix}-daily-finalizer";
    public string StreamAggregatorRole => $"{Prefix}-stream-aggregator";
    public string DailyFinalizerRole => $"{Prefix}-daily-finalizer";
    public string ScheduleRole => $"{Prefix}-finalizer-schedule";
    public string StreamMapping => $"{Prefix}-rewards-stream";
    public string FinalizerSchedule => $"{Prefix}-daily-finalizer";
    public string FinalizerAsyncInvoke => $"{Prefix}-daily-finalizer-async";
    public string AlarmTopic => $"{Prefix}-alarms";
    public string Dashboard => Prefix;

    /// <summary>The log group Lambda writes a function's logs to (created by the stack, with retention).</summary>
    public static string LogGroup(string functionName) => $"/aws/lambda/{functionName}";

    public string Alarm(string part) => $"{Prefix}-{part}";

    public static ResourceNames Create(string project, string stack, StackConfigReader config)
    {
        var prefix = $"{project}-{stack}";
        if (!NamePattern().IsMatch(prefix) || prefix.Length > MaximumPrefixLength)
        {
            config.Problem(
                $"The project and stack names give the resource name prefix '{prefix}': expected project and stack names of lowercase letters, digits and '-', " +
                $"together at most {MaximumPrefixLength} characters, because they name AWS resources");
        }

        return new ResourceNames(prefix);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex NamePattern();
}
