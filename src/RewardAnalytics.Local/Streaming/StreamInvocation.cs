using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>One invocation: the event's bytes, the records in it, and the fault the function itself should suffer.</summary>
public sealed record StreamInvocation(string ShardId, byte[] Payload, IReadOnlyList<StreamRecord> Records, bool IsFinalInvokeForWindow, InjectedFault Fault);
