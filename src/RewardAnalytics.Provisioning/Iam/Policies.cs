namespace RewardAnalytics.Provisioning.Iam;

/// <summary>
/// Every IAM document of the stack: one role per function, each naming exact actions on exact ARNs. The single
/// <c>*</c> resource is <c>dynamodb:ListStreams</c>, an action IAM does not scope to a resource (it lists the
/// account's streams); Lambda's event source poller calls it with the function's role.
/// </summary>
public static class Policies
{
    /// <summary>What Lambda's event source poller does with the aggregator's role on the rewards stream.</summary>
    public static readonly IReadOnlyList<string> StreamReadActions =
        ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

    /// <summary>Listing the account's streams; IAM does not scope it to a resource, hence the one <c>*</c>.</summary>
    public const string ListStreamsAction = "dynamodb:ListStreams";

    /// <summary>The aggregator's conditional UpdateItem, and the consistent GetItem it reads a watermark with.</summary>
    public static readonly IReadOnlyList<string> AggregatorTableActions = ["dynamodb:GetItem", "dynamodb:UpdateItem"];

    /// <summary>
    /// The finalizer sums a day with a Query (its FINAL item included) and records FINAL with a conditional PutItem; a
    /// Scan of the partition keys finds the earliest day with data while no first-day marker is recorded.
    /// </summary>
    public static readonly IReadOnlyList<string> FinalizerTableActions = ["dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan"];

    /// <summary>The totals API reads each day with one consistent Query (shard items, correction, FINAL) and nothing else.</summary>
    public static readonly IReadOnlyList<string> TotalsApiTableActions = ["dynamodb:Query"];

    /// <summary>The finalizer only writes reports; reading them back is the CLI's, under the operator's own credentials.</summary>
    public static readonly IReadOnlyList<string> ReportActions = ["s3:PutObject"];
    /// <summary>Writing a function's own log streams (the log group is created by the stack).</summary>
    public static readonly IReadOnlyList<string> LogActions = ["logs:CreateLogStream", "logs:PutLogEvents"];

    /// <summary>What Lambda needs to write a failed batch or a failed asynchronous run to an S3 on-failure destination.</summary>
    public static readonly IReadOnlyList<string> FailureObjectActions = ["s3:PutObject"];
    /// <summary>The bucket-level permission an S3 on-failure destination needs beside <see cref="FailureObjectActions"/>.</summary>
    public static readonly IReadOnlyList<string> FailureBucketActions = ["s3:ListBucket"];

    /// <summary>Lambda may assume the function roles, for this account only.</summary>
    public static PolicyDocument LambdaTrust(string accountId) => Trust("lambda.amazonaws.com", accountId);

    /// <summary>EventBridge Scheduler may assume the schedule role, for this account only.</summary>
    public static PolicyDocument SchedulerTrust(string accountId) => Trust("scheduler.amazonaws.com", accountId);

    /// <summary>The aggregator's role: read the rewards stream, update the aggregates table, write failed batches and its logs.</summary>
    public static PolicyDocument StreamAggregator(StreamAggregatorResources arns) => new(
    [
        new PolicyStatement { Sid = "ReadRewardsStream", Action = StreamReadActions, Resource = [arns.RewardsStreamArn] },
        new PolicyStatement { Sid = "ListStreams", Action = [ListStreamsAction], Resource = ["*"] },
        new PolicyStatement { Sid = "WriteAggregates", Action = AggregatorTableActions, Resource = [arns.AggregatesTableArn] },
        new PolicyStatement { Sid = "KeepFailedBatches", Action = FailureObjectActions, Resource = [$"{arns.FailedBatchesBucketArn}/*"] },
        new PolicyStatement { Sid = "ListFailedBatches", Action = FailureBucketActions, Resource = [arns.FailedBatchesBucketArn] },
        new PolicyStatement { Sid = "WriteOwnLogs", Action = LogActions, Resource = [LogStreams(arns.LogGroupArn)] },
    ]);

    /// <summary>
    /// The finalizer's calls, and what Lambda needs (with this role) to write the record of a run it gave up on to the
    /// failed-batches bucket: AWS documents <c>s3:PutObject</c> and <c>s3:ListBucket</c> for an S3 destination, nothing to
    /// read (AWS CDK's S3 destination also grants reads). Lambda checks the role's write permission when the destination
    /// is configured, and a role allowed to write only under <c>aws/lambda/async/</c> has been reported refused there, so
    /// PutObject names all the bucket's objects, as the aggregator's does (docs/deploy.md, "IAM").
    /// </summary>
    public static PolicyDocument DailyFinalizer(DailyFinalizerResources arns) => new(
    [
        new PolicyStatement { Sid = "ReadAndFinalizeAggregates", Action = FinalizerTableActions, Resource = [arns.AggregatesTableArn] },
        new PolicyStatement { Sid = "WriteReports", Action = ReportActions, Resource = [$"{arns.AnalyticsBucketArn}/{arns.ReportPrefix}*"] },
        new PolicyStatement { Sid = "KeepFailedRuns", Action = FailureObjectActions, Resource = [$"{arns.FailedBatchesBucketArn}/*"] },
        new PolicyStatement { Sid = "ListFailedRuns", Action = FailureBucketActions, Resource = [arns.FailedBatchesBucketArn] },
        new PolicyStatement { Sid = "WriteOwnLogs", Action = LogActions, Resource = [LogStreams(arns.LogGroupArn)] },
    ]);

    /// <summary>The totals API's role: Query the aggregates table (no write, no other table) and write its own logs.</summary>
    public static PolicyDocument TotalsApi(TotalsApiResources arns) => new(
    [
        new PolicyStatement { Sid = "QueryAggregates", Action = TotalsApiTableActions, Resource = [arns.AggregatesTableArn] },
        new PolicyStatement { Sid = "WriteOwnLogs", Action = LogActions, Resource = [LogStreams(arns.LogGroupArn)] },
    ]);

    /// <summary>The schedule's role may invoke the finalizer and nothing else.</summary>
    public static PolicyDocument ScheduleInvoke(string finalizerArn) => new(
    [
        new PolicyStatement { Sid = "InvokeFinalizer", Action = ["lambda:InvokeFunction"], Resource = [finalizerArn] },
    ]);

    /// <summary>The Sid of the buckets' TLS-only deny statement.</summary>
    public const string DenyInsecureTransportSid = "DenyInsecureTransport";

    /// <summary>A bucket policy that refuses every request not made over TLS, whoever makes it.</summary>
    public static PolicyDocument TlsOnlyBucket(string bucketArn) => new(
    [
        new PolicyStatement
        {
            Sid = DenyInsecureTransportSid,
            Effect = PolicyStatement.Deny,
            Principal = new Dictionary<string, string> { ["AWS"] = "*" },
            Action = ["s3:*"],
            Resource = [bucketArn, $"{bucketArn}/*"],
            Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["Bool"] = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" },
            },
        },
    ]);

    /// <summary>A log group ARN as Pulumi reports it has no <c>:*</c>; its log streams are under <c>:*</c>.</summary>
    private static string LogStreams(string logGroupArn) => $"{logGroupArn}:*";

    private static PolicyDocument Trust(string service, string accountId) => new(
    [
        new PolicyStatement
        {
            Sid = "AssumedBy" + service.Split('.')[0],
            Principal = new Dictionary<string, string> { ["Service"] = service },
            Action = ["sts:AssumeRole"],
            Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["StringEquals"] = new Dictionary<string, string> { ["aws:SourceAccount"] = accountId },
            },
        },
    ]);
}
