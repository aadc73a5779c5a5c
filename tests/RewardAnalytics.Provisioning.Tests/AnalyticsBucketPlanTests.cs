using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>Adopting the old job's bucket (<c>adoptAnalyticsBucket</c>): import by name, same settings, never deleted.</summary>
public sealed class AnalyticsBucketPlanTests
{
    [Fact]
    public void By_default_the_stack_creates_its_bucket_with_no_import_id()
    {
        var plan = AnalyticsBucketPlan.For(Config.Settings("dev", (ConfigKeys.AnalyticsBucketName, "my-dev-analytics")));

        Assert.False(plan.Adopts);
        Assert.Null(plan.ImportId);
        Assert.Null(plan.Notice);
        Assert.Equal("my-dev-analytics", plan.BucketName);
        Assert.False(plan.RetainOnDelete);
        Assert.False(plan.Protect);
    }

    [Fact]
    public void Adopting_imports_the_bucket_by_its_name_and_protects_and_retains_it()
    {
        var plan = AnalyticsBucketPlan.For(Config.Settings("dev",
            (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics"), (ConfigKeys.AdoptAnalyticsBucket, "true")));

        Assert.True(plan.Adopts);
        Assert.Equal("loyalty-platform-analytics", plan.ImportId);
        Assert.Equal("loyalty-platform-analytics", plan.BucketName);
        Assert.True(plan.Protect);
        Assert.True(plan.RetainOnDelete);
    }

    [Fact]
    public void An_adopted_bucket_gets_every_setting_a_created_one_gets()
    {
        var created = AnalyticsBucketPlan.For(Config.Settings("dev", (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics")));
        var adopted = AnalyticsBucketPlan.For(Config.Settings("dev",
            (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics"), (ConfigKeys.AdoptAnalyticsBucket, "true")));

        Assert.Equal(
            [BucketSetting.PublicAccessBlock, BucketSetting.ServerSideEncryption, BucketSetting.Versioning, BucketSetting.TlsOnlyPolicy],
            adopted.Settings);
        Assert.Equal(created.Settings, adopted.Settings);
        Assert.Equal(
            ["b-public-access", "b-encryption", "b-versioning", "b-tls-only"],
            adopted.Settings.Select(s => AnalyticsBucketPlan.SettingResourceName("b", s)));
    }

    [Fact]
    public void The_notice_says_objects_are_kept_and_what_happens_when_the_bucket_does_not_exist()
    {
        var plan = AnalyticsBucketPlan.For(Config.Settings("prod",
            (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics"), (ConfigKeys.AdoptAnalyticsBucket, "true")));

        Assert.Equal(
            "Adopting the existing S3 bucket 'loyalty-platform-analytics' (import id 'loyalty-platform-analytics'): every object in it is kept, " +
            "then the stack applies its public access block, SSE-S3 default encryption, versioning and TLS-only bucket policy (which replaces any " +
            "bucket policy it had). If no bucket 'loyalty-platform-analytics' exists in this account and region, pulumi preview and pulumi up stop " +
            "at the import with \"resource 'loyalty-platform-analytics' does not exist\" and change nothing: correct analyticsBucketName, or set " +
            "adoptAnalyticsBucket to false to let the stack create the bucket.",
            plan.Notice);
    }

    [Fact]
    public void Adopting_without_a_bucket_name_stops_the_stack_and_says_why()
    {
        var error = Assert.Throws<SettingsException>(() => Config.Settings("dev", (ConfigKeys.AdoptAnalyticsBucket, "true")));

        Assert.Equal(
            ["reward-analytics:adoptAnalyticsBucket is true but reward-analytics:analyticsBucketName is not set: expected the name of the existing " +
             "bucket to adopt, such as 'loyalty-platform-analytics' (without a name there is nothing to import; set adoptAnalyticsBucket to false " +
             "to let the stack create a bucket)"],
            error.Problems);
    }

    [Fact]
    public void The_prod_stack_file_adopts_the_old_jobs_bucket()
    {
        var prod = File.ReadAllText(Path.Combine(Repository.Root, "Pulumi.prod.yaml"));

        Assert.Contains("  reward-analytics:analyticsBucketName: loyalty-platform-analytics\n", prod, StringComparison.Ordinal);
        Assert.Contains("  reward-analytics:adoptAnalyticsBucket: \"true\"\n", prod, StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_declares_the_analytics_bucket_with_the_plans_import_id_and_options()
    {
        var program = File.ReadAllText(Path.Combine(Repository.Root, "pulumi", "DataResources.cs"));

        Assert.Contains("ImportId = analyticsPlan.ImportId,", program, StringComparison.Ordinal);
        Assert.Contains("RetainOnDelete = analyticsPlan.RetainOnDelete,", program, StringComparison.Ordinal);
        Assert.Contains("Protect = analyticsPlan.Protect,", program, StringComparison.Ordinal);
        foreach (var setting in AnalyticsBucketPlan.AllSettings)
        {
            Assert.Contains($"AnalyticsBucketPlan.SettingResourceName(logicalName, BucketSetting.{setting})", program, StringComparison.Ordinal);
        }
    }
}
