namespace RewardAnalytics.Infrastructure;

using Pulumi;
using RewardAnalytics.Provisioning.Monitoring;
using RewardAnalytics.Provisioning.Settings;
using Aws = Pulumi.Aws;

/// <summary>The alarms (sent to an optional SNS topic with an email subscription) and the dashboard.</summary>
public sealed record MonitoringResources(Output<string>? AlarmTopicArn)
{
    public static MonitoringResources Declare(StackSettings settings, AwsAccount account, FunctionResources functions)
    {
        var names = settings.Names;
        Output<string>? topicArn = null;
        if (settings.Alarms.AlarmEmail is { } email)
        {
            var topic = new Aws.Sns.Topic(names.AlarmTopic, new Aws.Sns.TopicArgs { Name = names.AlarmTopic });
            var subscription = new Aws.Sns.TopicSubscription($"{names.AlarmTopic}-email", new Aws.Sns.TopicSubscriptionArgs
            {
                Topic = topic.Arn,
                Protocol = "email",
                Endpoint = email,
            });
            _ = subscription;
            topicArn = topic.Arn;
        }

        foreach (var definition in Alarms.For(settings))
        {
            var alarmArgs = new Aws.CloudWatch.MetricAlarmArgs
            {
                Name = definition.Name,
                AlarmDescription = definition.Description,
                ComparisonOperator = definition.ComparisonOperator,
                Threshold = definition.Threshold,
                EvaluationPeriods = definition.EvaluationPeriods,
                DatapointsToAlarm = definition.DatapointsToAlarm,
                TreatMissingData = definition.TreatMissingData,
            };
            if (definition.Metric is { } metric)
            {
                alarmArgs.Namespace = metric.Namespace;
                alarmArgs.MetricName = metric.MetricName;
                alarmArgs.Statistic = metric.Statistic;
                alarmArgs.Period = metric.PeriodSeconds;
                alarmArgs.Dimensions = Dimensions(metric, functions);
            }

            foreach (var query in definition.Queries)
            {
                var queryArgs = new Aws.CloudWatch.Inputs.MetricAlarmMetricQueryArgs
                {
                    Id = query.Id,
                    ReturnData = query.ReturnData,
                };
                if (query.Expression is { } expression)
                {
                    queryArgs.Expression = expression;
                }

                // An unlabelled query leaves Label unset (CloudWatch then shows the id), rather than passing null to Input<string>.
                if (query.Label is { } label)
                {
                    queryArgs.Label = label;
                }

                if (query.Metric is { } queryMetric)
                {
                    queryArgs.Metric = new Aws.CloudWatch.Inputs.MetricAlarmMetricQueryMetricArgs
                    {
                        Namespace = queryMetric.Namespace,
                        MetricName = queryMetric.MetricName,
                        Stat = queryMetric.Statistic,
                        Period = queryMetric.PeriodSeconds,
                        Dimensions = Dimensions(queryMetric, functions),
                    };
                }

                alarmArgs.MetricQueries.Add(queryArgs);
            }

            if (topicArn is not null)
            {
                alarmArgs.AlarmActions.Add(topicArn);
                alarmArgs.OkActions.Add(topicArn);
            }

            _ = new Aws.CloudWatch.MetricAlarm(definition.Name, alarmArgs);
        }

        var dashboard = new Aws.CloudWatch.Dashboard(names.Dashboard, new Aws.CloudWatch.DashboardArgs
        {
            DashboardName = names.Dashboard,
            DashboardBody = Output.Tuple(account.Region, functions.StreamMapping.Uuid, functions.TotalsApiFunction.Arn)
                .Apply(values => DashboardBody.Build(settings, values.Item1, values.Item2, values.Item3)),
        });
        _ = dashboard;

        return new MonitoringResources(topicArn);
    }

    /// <summary>A metric's dimensions, with the mapping's UUID filled in where the definition asks for it.</summary>
    private static InputMap<string> Dimensions(MetricSpec metric, FunctionResources functions)
    {
        var dimensions = new InputMap<string>();
        foreach (var (name, value) in metric.Dimensions)
        {
            dimensions.Add(name, value == Alarms.EventSourceMappingUuid ? functions.StreamMapping.Uuid : Output.Create(value));
        }

        return dimensions;
    }
}
