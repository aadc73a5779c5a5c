using System.Text.Json;
using RewardAnalytics.Provisioning.Iam;
using static RewardAnalytics.Provisioning.Tests.ShadowRun;

namespace RewardAnalytics.Provisioning.Tests.Iam;

public sealed class PoliciesTests
{
    private const string Stream = "arn:aws:dynamodb:eu-west-1:123456789012:table/rewards/stream/2024-01-01T00:00:00.000";
    private const string Aggregates = "arn:aws:dynamodb:eu-west-1:123456789012:table/reward-analytics-prod-aggregates";
    private const string FailedBatches = "arn:aws:s3:::reward-analytics-prod-failed-batches-abc1234";
    private const string Analytics = "arn:aws:s3:::loyalty-platform-analytics";
    private const string AggregatorLogs = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/reward-analytics-prod-stream-aggregator";
    private const string FinalizerLogs = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/reward-analytics-prod-daily-finalizer";
    private const string Finalizer = "arn:aws:lambda:eu-west-1:123456789012:function:reward-analytics-prod-daily-finalizer";

    private static readonly PolicyDocument AggregatorPolicy = Policies.StreamAggregator(new StreamAggregatorResources(Stream, Aggregates, FailedBatches, AggregatorLogs));
    private static readonly PolicyDocument FinalizerPolicy = Policies.DailyFinalizer(
        new DailyFinalizerResources(Aggregates, Analytics, "daily-rewards/", FinalizerLogs, FailedBatches, "reward-analytics-prod-daily-finalizer"));
    private static readonly PolicyDocument SchedulePolicy = Policies.ScheduleInvoke(Finalizer);
    private const string TotalsApiLogs = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/reward-analytics-prod-totals-api";
    private static readonly PolicyDocument TotalsApiPolicy = Policies.TotalsApi(new TotalsApiResources(Aggregates, TotalsApiLogs));

    public static TheoryData<string> RolePolicies => new() { nameof(AggregatorPolicy), nameof(FinalizerPolicy), nameof(SchedulePolicy), nameof(TotalsApiPolicy) };

    private static JsonElement Parsed(string name) => JsonDocument.Parse(name switch
    {
        nameof(AggregatorPolicy) => AggregatorPolicy.ToJson(),
        nameof(FinalizerPolicy) => FinalizerPolicy.ToJson(),
        nameof(TotalsApiPolicy) => TotalsApiPolicy.ToJson(),
        _ => SchedulePolicy.ToJson(),
    }).RootElement;

    [Theory]
    [MemberData(nameof(RolePolicies))]
    public void No_role_statement_allows_a_wildcard_action(string policy)
    {
        var json = Parsed(policy);

        Assert.Equal("2012-10-17", json.GetProperty("Version").GetString());
        foreach (var statement in json.GetProperty("Statement").EnumerateArray())
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            Assert.All(statement.GetProperty("Action").EnumerateArray(), action => Assert.DoesNotContain("*", action.GetString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_aggregator_may_touch_only_the_stream_its_table_its_failure_bucket_and_its_logs()
    {
        Assert.Equal(
            [
                ("ReadRewardsStream", "dynamodb:DescribeStream dynamodb:GetRecords dynamodb:GetShardIterator", Stream),
                ("ListStreams", "dynamodb:ListStreams", "*"),
                ("WriteAggregates", "dynamodb:GetItem dynamodb:UpdateItem", Aggregates),
                ("KeepFailedBatches", "s3:PutObject", FailedBatches + "/*"),
                ("ListFailedBatches", "s3:ListBucket", FailedBatches),
                ("WriteOwnLogs", "logs:CreateLogStream logs:PutLogEvents", AggregatorLogs + ":*"),
            ],
            Statements(Parsed(nameof(AggregatorPolicy))));
    }

    [Fact]
    public void The_totals_API_may_only_query_the_aggregates_table_and_write_its_logs()
    {
        Assert.Equal(
            [
                ("QueryAggregates", "dynamodb:Query", Aggregates),
                ("WriteOwnLogs", "logs:CreateLogStream logs:PutLogEvents", TotalsApiLogs + ":*"),
            ],
            Statements(Parsed(nameof(TotalsApiPolicy))));
    }

    [Fact]
    public void The_finalizer_may_touch_only_its_table_the_report_prefix_what_its_failure_destination_needs_and_its_logs()
    {
        // AWS documents s3:PutObject and s3:ListBucket for an S3 destination (docs/deploy.md, "IAM"): no read. PutObject is on
        // the bucket's objects because Lambda checks the role when the destination is configured.
        Assert.Equal(
            [
                ("ReadAndFinalizeAggregates", "dynamodb:PutItem dynamodb:Query dynamodb:Scan", Aggregates),
                ("WriteReports", "s3:PutObject", Analytics + "/daily-rewards/*"),
                ("KeepFailedRuns", "s3:PutObject", FailedBatches + "/*"),
                ("ListFailedRuns", "s3:ListBucket", FailedBatches),
                ("WriteOwnLogs", "logs:CreateLogStream logs:PutLogEvents", FinalizerLogs + ":*"),
            ],
            Statements(Parsed(nameof(FinalizerPolicy))));
    }

    [Fact]
    public void The_schedule_may_invoke_the_finalizer_and_nothing_else()
    {
        Assert.Equal([("InvokeFinalizer", "lambda:InvokeFunction", Finalizer)], Statements(Parsed(nameof(SchedulePolicy))));
    }

    [Theory]
    [MemberData(nameof(RolePolicies))]
    public void The_only_wildcard_resource_is_list_streams_which_iam_cannot_scope(string policy)
    {
        foreach (var statement in Parsed(policy).GetProperty("Statement").EnumerateArray())
        {
            var resources = statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()).ToList();
            if (resources.Contains("*"))
            {
                Assert.Equal(["dynamodb:ListStreams"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
            }
        }
    }

    [Fact]
    public void The_bucket_policy_denies_every_request_not_made_over_tls()
    {
        var statement = Assert.Single(JsonDocument.Parse(Policies.TlsOnlyBucket(Analytics).ToJson()).RootElement.GetProperty("Statement").EnumerateArray());

        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal("*", statement.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(["s3:*"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([Analytics, Analytics + "/*"], statement.GetProperty("Resource").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("false", statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
    }

    [Theory]
    [InlineData("lambda.amazonaws.com")]
    [InlineData("scheduler.amazonaws.com")]
    public void Only_the_service_of_this_account_may_assume_a_role(string service)
    {
        var document = service.StartsWith("lambda", StringComparison.Ordinal) ? Policies.LambdaTrust("123456789012") : Policies.SchedulerTrust("123456789012");
        var statement = Assert.Single(JsonDocument.Parse(document.ToJson()).RootElement.GetProperty("Statement").EnumerateArray());

        Assert.Equal(service, statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(["sts:AssumeRole"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.False(statement.TryGetProperty("Resource", out _));
        Assert.Equal("123456789012", statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
    }

    private static List<(string Sid, string Actions, string Resource)> Statements(JsonElement policy) =>
        policy.GetProperty("Statement").EnumerateArray()
            .Select(s => (
                s.GetProperty("Sid").GetString()!,
                string.Join(' ', s.GetProperty("Action").EnumerateArray().Select(a => a.GetString())),
                string.Join(' ', s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()))))
            .ToList();

    [Fact]
    public void Under_the_shadow_prefix_the_finalizer_may_write_only_there_not_the_old_jobs_reports()
    {
        var policy = Policies.DailyFinalizer(new DailyFinalizerResources(
            "arn:aws:dynamodb:eu-west-1:123456789012:table/aggregates", "arn:aws:s3:::loyalty-platform-analytics", ShadowPrefix,
            "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/finalizer", "arn:aws:s3:::failed", "finalizer")).ToJson();

        Assert.Contains("\"arn:aws:s3:::loyalty-platform-analytics/daily-rewards-shadow/*\"", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"arn:aws:s3:::loyalty-platform-analytics/daily-rewards/*\"", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"arn:aws:s3:::loyalty-platform-analytics/*\"", policy, StringComparison.Ordinal);
    }
}
