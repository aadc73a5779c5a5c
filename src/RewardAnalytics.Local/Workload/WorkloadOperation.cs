using Amazon.DynamoDBv2.Model;
using NodaTime;

namespace RewardAnalytics.Local.Workload;

/// <summary>
/// One write of the workload. <see cref="Order"/> is its place in the stream; <see cref="Phase"/> the day it is
/// written on (0-based; <see cref="WorkloadPlan.PhaseCount"/> − 1 is the late writes after the last day).
/// <see cref="Item"/> is put whole; <see cref="Set"/> is an update's SET; neither means delete (or TTL expiry).
/// </summary>
public sealed record WorkloadOperation(
    long Order,
    int Phase,
    WorkloadKind Kind,
    Instant At,
    string RewardId,
    Dictionary<string, AttributeValue>? Item,
    Dictionary<string, AttributeValue>? Set)
{
    /// <summary>The item's key (<c>rewardId</c>).</summary>
    public Dictionary<string, AttributeValue> Key => new() { ["rewardId"] = new AttributeValue { S = RewardId } };
}
