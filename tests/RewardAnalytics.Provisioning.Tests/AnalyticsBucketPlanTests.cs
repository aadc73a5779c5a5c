using System.Text.Json;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Iam;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>Adopting the old job's bucket (<c>adoptAnalyticsBucket</c>): import by name, same settings, never deleted.</summary>
public sealed class AnalyticsBucketPlanTests
{
    /// <summary>What `aws s3api get-bucket-policy --query Policy --output text` prints for the old job's bucket: a reader's grant.</summary>
    private const string OldJobPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReportingReads\",\"Effect\":\"Allow\"," +
        "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/reporting\"},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"]," +
        "\"Resource\":[\"arn:aws:s3:::loyalty-platform-analytics\",\"arn:aws:s3:::loyalty-platform-analytics/daily-rewards/*\"]}]}";

    private static AnalyticsBucketPlan Adopted(string stack = "dev", string policy = OldJobPolicy) => AnalyticsBucketPlan.For(Config.Settings(stack,
        (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics"), (ConfigKeys.AdoptAnalyticsBucket, "true"),
        (ConfigKeys.AnalyticsBucketPolicyStatements, policy)));

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
        var plan = Adopted();

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
        var adopted = Adopted();

        Assert.Equal(
            [BucketSetting.PublicAccessBlock, BucketSetting.ServerSideEncryption, BucketSetting.Versioning, BucketSetting.TlsOnlyPolicy],
            adopted.Settings);
        Assert.Equal(created.Settings, adopted.Settings);
        Assert.Equal(
            ["b-public-access", "b-encryption", "b-versioning", "b-tls-only"],
            adopted.Settings.Select(s => AnalyticsBucketPlan.SettingResourceName("b", s)));
    }

    [Fact]
    public void The_notice_says_objects_are_kept_what_the_policy_will_be_and_what_happens_when_the_bucket_does_not_exist()
    {
        var plan = Adopted("prod");

        Assert.Equal(
            "Adopting the existing S3 bucket 'loyalty-platform-analytics' (import id 'loyalty-platform-analytics'): every object in it is kept, " +
            "then the stack applies its public access block, SSE-S3 default encryption, versioning and bucket policy. The bucket policy becomes " +
            "its 1 existing statement(s) from analyticsBucketPolicyStatements (ReportingReads), unchanged, plus the TLS-only deny (DenyInsecureTransport): " +
            plan.Policy("arn:aws:s3:::loyalty-platform-analytics") +
            ". Each of these settings is retained on delete: pulumi destroy or removing the bucket from the stack leaves them in place. " +
            "If no bucket 'loyalty-platform-analytics' exists in this account and region, pulumi preview and pulumi up stop " +
            "at the import with \"resource 'loyalty-platform-analytics' does not exist\" and change nothing: correct analyticsBucketName, or set " +
            "adoptAnalyticsBucket to false to let the stack create the bucket.",
            plan.Notice);
        Assert.Contains("arn:aws:iam::111122223333:role/reporting", plan.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notice_says_when_no_statement_is_kept()
    {
        Assert.Contains("The bucket policy becomes the TLS-only deny (DenyInsecureTransport) alone: analyticsBucketPolicyStatements keeps no statement, " +
                        "so any policy the bucket has now is replaced", Adopted(policy: "[]").Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_of_an_adopted_bucket_is_retained_on_delete_and_the_public_access_block_skips_destroy()
    {
        var adopted = Adopted();
        var created = AnalyticsBucketPlan.For(Config.Settings("prod", (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics")));

        Assert.All(AnalyticsBucketPlan.AllSettings, setting => Assert.True(adopted.RetainsOnDelete(setting), $"{setting} of an adopted bucket"));
        Assert.True(adopted.PublicAccessBlockSkipDestroy);
        Assert.All(AnalyticsBucketPlan.AllSettings, setting => Assert.False(created.RetainsOnDelete(setting), $"{setting} of a created bucket"));
        Assert.False(created.PublicAccessBlockSkipDestroy);
        Assert.All(AnalyticsBucketPlan.AllSettings, setting => Assert.False(AnalyticsBucketPlan.Created.RetainsOnDelete(setting)));
    }

    [Fact]
    public void The_program_declares_every_bucket_setting_with_the_plans_retain_on_delete_and_skip_destroy()
    {
        var program = File.ReadAllText(Path.Combine(Repository.Root, "pulumi", "DataResources.cs"));

        foreach (var setting in AnalyticsBucketPlan.AllSettings)
        {
            Assert.Contains($"RetainOnDelete = plan.RetainsOnDelete(BucketSetting.{setting})", program, StringComparison.Ordinal);
        }

        Assert.Contains("SkipDestroy = plan.PublicAccessBlockSkipDestroy,", program, StringComparison.Ordinal);
        Assert.Contains("Policy = bucket.Arn.Apply(arn => plan.Policy(arn)),", program, StringComparison.Ordinal);
        Assert.Contains("}, analyticsPlan);", program, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adopted_bucket_keeps_every_statement_it_had_beside_the_tls_only_deny()
    {
        var policy = JsonDocument.Parse(Adopted().Policy("arn:aws:s3:::loyalty-platform-analytics")).RootElement;
        var statements = policy.GetProperty("Statement").EnumerateArray().ToList();
        var old = JsonDocument.Parse(OldJobPolicy).RootElement.GetProperty("Statement")[0];

        Assert.Equal("2012-10-17", policy.GetProperty("Version").GetString());
        Assert.Equal(2, statements.Count);
        Assert.Equal(old.GetRawText(), statements[0].GetRawText());
        var tls = JsonDocument.Parse(Policies.TlsOnlyBucket("arn:aws:s3:::loyalty-platform-analytics").ToJson()).RootElement.GetProperty("Statement")[0];
        Assert.Equal(tls.GetRawText(), statements[1].GetRawText());
    }

    [Fact]
    public void A_kept_statement_is_written_back_with_the_same_text()
    {
        const string Statement = "{\"Sid\":\"Partner+Reads\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/a+b=c,d@e\"}," +
                                 "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::loyalty-platform-analytics/café/*\"}";

        var policy = Adopted(policy: "[" + Statement + "]").Policy("arn:aws:s3:::loyalty-platform-analytics");

        Assert.StartsWith("{\"Version\":\"2012-10-17\",\"Statement\":[" + Statement + ",", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", 0)]
    [InlineData("""[{"Sid":"A","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]""", 1)]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""", 1)]
    public void The_setting_takes_get_bucket_policy_output_or_an_array_of_statements(string value, int kept)
    {
        Assert.Equal(kept, Adopted(policy: value).KeptPolicy.Statements.Count);
    }

    [Theory]
    [InlineData("not json", "reward-analytics:analyticsBucketPolicyStatements is not JSON (")]
    [InlineData("\"s3:GetObject\"", "reward-analytics:analyticsBucketPolicyStatements is neither a policy document with a Statement nor a JSON array of statements")]
    [InlineData("""[{"Sid":"NoEffect"}]""", "reward-analytics:analyticsBucketPolicyStatements has a statement that is not an object with an Effect ({\"Sid\":\"NoEffect\"})")]
    [InlineData("""[{"Sid":"DenyInsecureTransport","Effect":"Deny"}]""", "reward-analytics:analyticsBucketPolicyStatements has a statement with Sid 'DenyInsecureTransport'")]
    public void A_malformed_statement_list_is_refused_with_what_was_expected(string value, string expectedStart)
    {
        var error = Assert.Throws<SettingsException>(() => Adopted(policy: value));

        Assert.StartsWith(expectedStart, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void The_prod_stack_file_adopts_the_old_jobs_bucket()
    {
        var prod = File.ReadAllText(Path.Combine(Repository.Root, "Pulumi.prod.yaml"));

        Assert.Contains("  reward-analytics:analyticsBucketName: loyalty-platform-analytics\n", prod, StringComparison.Ordinal);
        Assert.Contains("  reward-analytics:adoptAnalyticsBucket: \"true\"\n", prod, StringComparison.Ordinal);
        Assert.Contains("  reward-analytics:analyticsBucketPolicyStatements: ", prod, StringComparison.Ordinal);
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
