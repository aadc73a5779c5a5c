using Amazon.DynamoDBv2;
using Amazon.S3;
using NodaTime;
using RewardAnalytics.Local.Emulators;

namespace RewardAnalytics.Local.Demo;

/// <summary>What a finalizer needs to be built for the demo: the world, its clients, the simulated clock, the zone.</summary>
internal sealed record DemoEnvironment(LocalAwsWorld World, IAmazonDynamoDB Dynamo, IAmazonS3 S3, TimeProvider Clock, DateTimeZone TimeZone, TextWriter Log);
