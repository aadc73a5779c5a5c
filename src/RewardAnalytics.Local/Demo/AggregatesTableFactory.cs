using Amazon.DynamoDBv2;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// Builds the aggregates table a demo run's aggregator writes through, from that run's DynamoDB client, aggregates table
/// name and clock (each run has its own). <c>demo</c> builds the deployed writer (<see cref="DemoRun.DeployedWriter"/>).
/// </summary>
public delegate IAggregatesTable AggregatesTableFactory(IAmazonDynamoDB dynamo, string tableName, TimeProvider clock);
