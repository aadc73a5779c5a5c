namespace RewardAnalytics.Infrastructure;

using Pulumi;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning;
using RewardAnalytics.Provisioning.Monitoring;
using RewardAnalytics.Provisioning.Settings;
using Aws = Pulumi.Aws;

/// <summary>
/// The whole service as one stack: reads the stack's config into <see cref="StackSettings"/> (every decision is made
/// there, in tested code) and declares the resources from it. Nothing here decides a value a second time.
/// </summary>
public static class RewardAnalyticsStack
{
    public static Task<IDictionary<string, object?>> DeclareAsync()
    {
        var settings = ReadSettings();
        var account = new AwsAccount(
            Aws.GetCallerIdentity.Invoke().Apply((Aws.GetCallerIdentityResult identity) => identity.AccountId),
            Aws.GetRegion.Invoke().Apply((Aws.GetRegionResult region) => region.Region));

        var data = DataResources.Declare(settings);
        var functions = FunctionResources.Declare(settings, account, data);
        var monitoring = MonitoringResources.Declare(settings, account, functions);

        IDictionary<string, object?> outputs = new Dictionary<string, object?>
        {
            ["rewardsTableName"] = settings.RewardsTableName,
            ["aggregatesTableName"] = data.AggregatesTableResource.Name,
            ["analyticsBucketName"] = data.AnalyticsBucketResource.Id,
            ["failedBatchesBucketName"] = data.FailedBatchesBucketResource.Id,
            ["streamAggregatorFunctionName"] = functions.StreamAggregatorFunction.Name,
            ["dailyFinalizerFunctionName"] = functions.DailyFinalizerFunction.Name,
            ["totalsApiFunctionName"] = functions.TotalsApiFunction.Name,
            ["totalsApiUrl"] = functions.TotalsApiUrl.FunctionUrlResult,
            ["eventSourceMappingId"] = functions.StreamMapping.Uuid,
            ["scheduleName"] = functions.FinalizerSchedule.Name,
            ["morningScheduleName"] = functions.FinalizerMorningSchedule.Name,
            ["dashboardUrl"] = account.Region.Apply(region => DashboardBody.Url(region, settings.Names.Dashboard)),
            ["alarmTopicArn"] = monitoring.AlarmTopicArn,
        };
        return Task.FromResult(outputs);
    }

    private static StackSettings ReadSettings()
    {
        var config = new Config();
        try
        {
            return StackSettings.FromConfig(
                Deployment.Instance.ProjectName,
                Deployment.Instance.StackName,
                key => config.Get(key));
        }
        catch (SettingsException ex)
        {
            // One message naming every bad key, without a stack trace.
            throw new RunException(ex.Message);
        }
    }
}

/// <summary>The account and region the stack deploys to (known once the provider is configured).</summary>
public sealed record AwsAccount(Output<string> AccountId, Output<string> Region);
