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

    /// <summary><c>&lt;project&gt;-&lt;stack&gt;</c>: the start of every name the stack derives.</summary>
    public string Prefix { get; }

    /// <summary>The rewards table a dev stack creates.</summary>
    public string CreatedRewardsTable => $"{Prefix}-rewards";
    /// <summary>The aggregates table.</summary>
    public string AggregatesTable => $"{Prefix}-aggregates";
    /// <summary>The analytics bucket, when its name is not left to Pulumi.</summary>
    public string AnalyticsBucket => $"{Prefix}-analytics";
    /// <summary>The bucket that keeps failed batches and failed finalizer runs.</summary>
    public string FailedBatchesBucket => $"{Prefix}-failed-batches";
    /// <summary>The stream aggregator function.</summary>
    public string StreamAggregatorFunction => $"{Prefix}-stream-aggregator";
    /// <summary>The daily finalizer function.</summary>
    public string DailyFinalizerFunction => $"{Prefix}-daily-finalizer";
    /// <summary>The totals API function (behind its function URL; the dashboard's custom widget calls it too).</summary>
    public string TotalsApiFunction => $"{Prefix}-totals-api";
    /// <summary>The totals API's IAM role.</summary>
    public string TotalsApiRole => $"{Prefix}-totals-api";
    /// <summary>The stream aggregator's IAM role.</summary>
    public string StreamAggregatorRole => $"{Prefix}-stream-aggregator";
    /// <summary>The daily finalizer's IAM role.</summary>
    public string DailyFinalizerRole => $"{Prefix}-daily-finalizer";
    /// <summary>The role EventBridge Scheduler invokes the finalizer with.</summary>
    public string ScheduleRole => $"{Prefix}-finalizer-schedule";
    /// <summary>The rewards-stream event source mapping.</summary>
    public string StreamMapping => $"{Prefix}-rewards-stream";
    /// <summary>The EventBridge Scheduler schedule of the finalizer.</summary>
    public string FinalizerSchedule => $"{Prefix}-daily-finalizer";
    /// <summary>The finalizer's second daily schedule (04:05), which covers a day whose 00:05 does not exist.</summary>
    public string FinalizerMorningSchedule => $"{Prefix}-daily-finalizer-morning";
    /// <summary>The finalizer's asynchronous invoke config.</summary>
    public string FinalizerAsyncInvoke => $"{Prefix}-daily-finalizer-async";
    /// <summary>The SNS topic the alarms notify.</summary>
    public string AlarmTopic => $"{Prefix}-alarms";
    /// <summary>The CloudWatch dashboard.</summary>
    public string Dashboard => Prefix;

    /// <summary>The log group Lambda writes a function's logs to (created by the stack, with retention).</summary>
    public static string LogGroup(string functionName) => $"/aws/lambda/{functionName}";

    /// <summary>The name of the alarm <paramref name="part"/>.</summary>
    public string Alarm(string part) => $"{Prefix}-{part}";

    /// <summary>The names of stack <paramref name="stack"/> of <paramref name="project"/>; a prefix too long for AWS's limits is recorded as a problem in <paramref name="config"/>.</summary>
    internal static ResourceNames Create(string project, string stack, StackConfigReader config)
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
