namespace RewardAnalytics.Infrastructure;

using Pulumi;
using RewardAnalytics.Provisioning;
using RewardAnalytics.Provisioning.Iam;
using RewardAnalytics.Provisioning.Settings;
using Aws = Pulumi.Aws;

/// <summary>The three functions, their roles and log groups, the stream mapping, the two daily schedules and the totals API's URL and callers.</summary>
public sealed record FunctionResources(
    Aws.Lambda.Function StreamAggregatorFunction,
    Aws.Lambda.Function DailyFinalizerFunction,
    Aws.Lambda.Function TotalsApiFunction,
    Aws.Lambda.FunctionUrl TotalsApiUrl,
    Aws.Lambda.EventSourceMapping StreamMapping,
    Aws.Lambda.FunctionEventInvokeConfig FinalizerAsyncInvoke,
    Aws.Scheduler.Schedule FinalizerSchedule,
    Aws.Scheduler.Schedule FinalizerMorningSchedule)
{
    public static FunctionResources Declare(StackSettings settings, AwsAccount account, DataResources data)
    {
        var names = settings.Names;
        var code = new FileArchive(PackageDirectory(settings));

        // Stream aggregator.
        var aggregatorLogs = LogGroup(names.StreamAggregatorFunction, settings);
        var aggregatorRole = FunctionRole(names.StreamAggregatorRole, account);
        var aggregatorPolicy = new Aws.Iam.RolePolicy(names.StreamAggregatorRole, new Aws.Iam.RolePolicyArgs
        {
            Role = aggregatorRole.Name,
            Policy = Output.Tuple(data.RewardsStreamArn, data.AggregatesTableResource.Arn, data.FailedBatchesBucketResource.Arn, aggregatorLogs.Arn)
                .Apply(arns => Policies.StreamAggregator(new StreamAggregatorResources(arns.Item1, arns.Item2, arns.Item3, arns.Item4)).ToJson()),
        });
        var aggregator = Function(names.StreamAggregatorFunction,
            "Reward Analytics: folds the rewards stream into exact per-(day, shard) running totals.",
            LambdaHandlers.StreamAggregator, settings, code, aggregatorRole, settings.AggregatorMemoryMb, settings.AggregatorTimeoutSeconds,
            new Dictionary<string, string>(FunctionEnvironment.StreamAggregator(settings)), aggregatorLogs, aggregatorPolicy);

        var mappingParameters = settings.Mapping;
        var mapping = new Aws.Lambda.EventSourceMapping(names.StreamMapping, new Aws.Lambda.EventSourceMappingArgs
        {
            EventSourceArn = data.RewardsStreamArn,
            FunctionName = aggregator.Arn,
            StartingPosition = mappingParameters.StartingPosition,
            BatchSize = mappingParameters.BatchSize,
            MaximumBatchingWindowInSeconds = mappingParameters.MaximumBatchingWindowSeconds,
            TumblingWindowInSeconds = mappingParameters.TumblingWindowSeconds,
            ParallelizationFactor = mappingParameters.ParallelizationFactor,
            BisectBatchOnFunctionError = mappingParameters.BisectBatchOnFunctionError,
            MaximumRetryAttempts = mappingParameters.MaximumRetryAttempts,
            MaximumRecordAgeInSeconds = mappingParameters.MaximumRecordAgeSeconds,
            FunctionResponseTypes = EventSourceMappingParameters.FunctionResponseTypes.ToList(),
            DestinationConfig = new Aws.Lambda.Inputs.EventSourceMappingDestinationConfigArgs
            {
                OnFailure = new Aws.Lambda.Inputs.EventSourceMappingDestinationConfigOnFailureArgs
                {
                    DestinationArn = data.FailedBatchesBucketResource.Arn,
                },
            },
            MetricsConfig = new Aws.Lambda.Inputs.EventSourceMappingMetricsConfigArgs
            {
                Metrics = EventSourceMappingParameters.Metrics.ToList(),
            },
        }, new CustomResourceOptions { DependsOn = { aggregatorPolicy } });

        // Daily finalizer.
        var finalizerLogs = LogGroup(names.DailyFinalizerFunction, settings);
        var finalizerRole = FunctionRole(names.DailyFinalizerRole, account);
        var finalizerPolicy = new Aws.Iam.RolePolicy(names.DailyFinalizerRole, new Aws.Iam.RolePolicyArgs
        {
            Role = finalizerRole.Name,
            Policy = Output.Tuple(data.AggregatesTableResource.Arn, data.AnalyticsBucketResource.Arn, finalizerLogs.Arn, data.FailedBatchesBucketResource.Arn)
                .Apply(arns => Policies.DailyFinalizer(new DailyFinalizerResources(
                    arns.Item1, arns.Item2, settings.ReportPrefix, arns.Item3, arns.Item4, names.DailyFinalizerFunction)).ToJson()),
        });
        var finalizer = Function(names.DailyFinalizerFunction,
            "Reward Analytics: finalizes yesterday into the S3 report and CloudWatch metrics, re-checking recent days.",
            LambdaHandlers.DailyFinalizer, settings, code, finalizerRole, settings.FinalizerMemoryMb, settings.FinalizerTimeoutSeconds,
            data.AnalyticsBucketResource.Id.Apply(bucket => new Dictionary<string, string>(FunctionEnvironment.DailyFinalizer(settings, bucket))),
            finalizerLogs, finalizerPolicy);

        // Scheduler invokes the finalizer asynchronously: Lambda, not the schedule, retries a failing run, then keeps the
        // invocation record (event and error) in the failed-batches bucket under aws/lambda/async/<function>/.
        var finalizerInvoke = settings.FinalizerInvoke;
        var finalizerAsyncInvoke = new Aws.Lambda.FunctionEventInvokeConfig(names.FinalizerAsyncInvoke, new Aws.Lambda.FunctionEventInvokeConfigArgs
        {
            FunctionName = finalizer.Name,
            MaximumRetryAttempts = finalizerInvoke.MaximumRetryAttempts,
            MaximumEventAgeInSeconds = finalizerInvoke.MaximumEventAgeSeconds,
            DestinationConfig = new Aws.Lambda.Inputs.FunctionEventInvokeConfigDestinationConfigArgs
            {
                OnFailure = new Aws.Lambda.Inputs.FunctionEventInvokeConfigDestinationConfigOnFailureArgs
                {
                    Destination = data.FailedBatchesBucketResource.Arn,
                },
            },
        }, new CustomResourceOptions { DependsOn = { finalizerPolicy } });

        // The schedule's own role may invoke the finalizer and nothing else.
        var scheduleRole = new Aws.Iam.Role(names.ScheduleRole, new Aws.Iam.RoleArgs
        {
            Name = names.ScheduleRole,
            AssumeRolePolicy = account.AccountId.Apply(id => Policies.SchedulerTrust(id).ToJson()),
        });
        var schedulePolicy = new Aws.Iam.RolePolicy(names.ScheduleRole, new Aws.Iam.RolePolicyArgs
        {
            Role = scheduleRole.Name,
            Policy = finalizer.Arn.Apply(arn => Policies.ScheduleInvoke(arn).ToJson()),
        });
        // Two runs a night (ScheduleParameters): Scheduler skips a run whose local time does not exist, and 00:05 does not
        // exist once a year where clocks jump at midnight; the idempotent 04:05 run finalizes that day.
        var schedule = DailySchedule(names.FinalizerSchedule, "Finalizes yesterday's rewards at 00:05 in the report time zone.",
            ScheduleParameters.Expression, settings, finalizer, scheduleRole, schedulePolicy, finalizerAsyncInvoke);
        var morningSchedule = DailySchedule(names.FinalizerMorningSchedule,
            "Finalizes yesterday's rewards again at 04:05 in the report time zone (idempotent): covers a night whose 00:05 does not exist.",
            ScheduleParameters.MorningExpression, settings, finalizer, scheduleRole, schedulePolicy, finalizerAsyncInvoke);

        // Totals API: reads the aggregates table (Query only) behind a function URL that takes SigV4-signed requests only.
        var totalsLogs = LogGroup(names.TotalsApiFunction, settings);
        var totalsRole = FunctionRole(names.TotalsApiRole, account);
        var totalsPolicy = new Aws.Iam.RolePolicy(names.TotalsApiRole, new Aws.Iam.RolePolicyArgs
        {
            Role = totalsRole.Name,
            Policy = Output.Tuple(data.AggregatesTableResource.Arn, totalsLogs.Arn)
                .Apply(arns => Policies.TotalsApi(new TotalsApiResources(arns.Item1, arns.Item2)).ToJson()),
        });
        var totals = Function(names.TotalsApiFunction,
            "Reward Analytics: the running totals by day over a function URL (AWS_IAM) and the dashboard's custom widget.",
            LambdaHandlers.TotalsApi, settings, code, totalsRole, StackSettings.TotalsApiMemoryMb, StackSettings.TotalsApiTimeoutSeconds,
            new Dictionary<string, string>(FunctionEnvironment.TotalsApi(settings)), totalsLogs, totalsPolicy);
        var totalsUrl = new Aws.Lambda.FunctionUrl(names.TotalsApiFunction, new Aws.Lambda.FunctionUrlArgs
        {
            FunctionName = totals.Name,
            AuthorizationType = settings.TotalsApiAuthType,
        });

        // totalsApiInvokers: each principal may call the URL, which since October 2025 takes both InvokeFunctionUrl and
        // InvokeFunction, each under its function URL condition (FunctionUrlInvokers, tested on the policy document).
        foreach (var grant in FunctionUrlInvokers.Grants(settings.TotalsApiInvokers))
        {
            var permissionArgs = new Aws.Lambda.PermissionArgs
            {
                Function = totals.Name,
                StatementId = grant.Sid,
                Action = grant.Action,
                Principal = grant.Principal,
            };
            if (grant.FunctionUrlAuthType is { } authType)
            {
                permissionArgs.FunctionUrlAuthType = authType;
            }

            if (grant.InvokedViaFunctionUrl is { } viaUrl)
            {
                permissionArgs.InvokedViaFunctionUrl = viaUrl;
            }

            _ = new Aws.Lambda.Permission($"{names.TotalsApiFunction}-{grant.Sid}", permissionArgs, new CustomResourceOptions { DependsOn = { totalsUrl } });
        }

        return new FunctionResources(aggregator, finalizer, totals, totalsUrl, mapping, finalizerAsyncInvoke, schedule, morningSchedule);
    }

    /// <summary>A daily schedule of the finalizer at <paramref name="expression"/> in the report time zone, through the schedule's role.</summary>
    private static Aws.Scheduler.Schedule DailySchedule(
        string name, string description, string expression, StackSettings settings, Aws.Lambda.Function finalizer, Aws.Iam.Role scheduleRole,
        Aws.Iam.RolePolicy schedulePolicy, Aws.Lambda.FunctionEventInvokeConfig finalizerAsyncInvoke) =>
        new Aws.Scheduler.Schedule(name, new Aws.Scheduler.ScheduleArgs
        {
            Name = name,
            Description = description,
            ScheduleExpression = expression,
            ScheduleExpressionTimezone = settings.Schedule.TimeZone,
            State = ScheduleParameters.State,
            FlexibleTimeWindow = new Aws.Scheduler.Inputs.ScheduleFlexibleTimeWindowArgs { Mode = ScheduleParameters.FlexibleTimeWindowMode },
            Target = new Aws.Scheduler.Inputs.ScheduleTargetArgs
            {
                Arn = finalizer.Arn,
                RoleArn = scheduleRole.Arn,
                Input = ScheduleParameters.Input,
                RetryPolicy = new Aws.Scheduler.Inputs.ScheduleTargetRetryPolicyArgs
                {
                    MaximumRetryAttempts = settings.Schedule.MaximumRetryAttempts,
                    MaximumEventAgeInSeconds = settings.Schedule.MaximumEventAgeSeconds,
                },
            },
        }, new CustomResourceOptions { DependsOn = { schedulePolicy, finalizerAsyncInvoke } });

    /// <summary>The publish folder the project's build filled for the configured architecture.</summary>
    private static string PackageDirectory(StackSettings settings)
    {
        var runtimeIdentifier = LambdaArchitecture.RuntimeIdentifier(settings.Architecture);
        var directory = Path.Combine(FunctionPackage.FindRepositoryRoot(Directory.GetCurrentDirectory()), FunctionPackage.RelativeDirectory(runtimeIdentifier));
        if (!File.Exists(Path.Combine(directory, LambdaHandlers.FunctionsAssembly + ".dll")))
        {
            throw new RunException(LambdaArchitecture.MissingPackageMessage(settings.Architecture, directory));
        }

        return directory;
    }

    /// <summary>A function of the shared package with JSON logs into its own log group, created after its logs and policy.</summary>
    private static Aws.Lambda.Function Function(
        string name, string description, string handler, StackSettings settings, Archive code, Aws.Iam.Role role, int memoryMb, int timeoutSeconds,
        InputMap<string> variables, Aws.CloudWatch.LogGroup logs, Aws.Iam.RolePolicy policy) =>
        new Aws.Lambda.Function(name, new Aws.Lambda.FunctionArgs
        {
            Name = name,
            Description = description,
            Runtime = LambdaHandlers.Runtime,
            Architectures = { settings.Architecture },
            Handler = handler,
            Code = code,
            Role = role.Arn,
            MemorySize = memoryMb,
            Timeout = timeoutSeconds,
            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = variables },
            LoggingConfig = new Aws.Lambda.Inputs.FunctionLoggingConfigArgs { LogFormat = "JSON", LogGroup = logs.Name },
        }, new CustomResourceOptions { DependsOn = { logs, policy } });

    private static Aws.CloudWatch.LogGroup LogGroup(string functionName, StackSettings settings) =>
        new Aws.CloudWatch.LogGroup(functionName, new Aws.CloudWatch.LogGroupArgs
        {
            Name = ResourceNames.LogGroup(functionName),
            RetentionInDays = settings.LogRetentionDays,
        });

    private static Aws.Iam.Role FunctionRole(string roleName, AwsAccount account) =>
        new Aws.Iam.Role(roleName, new Aws.Iam.RoleArgs
        {
            Name = roleName,
            AssumeRolePolicy = account.AccountId.Apply(id => Policies.LambdaTrust(id).ToJson()),
        });
}
