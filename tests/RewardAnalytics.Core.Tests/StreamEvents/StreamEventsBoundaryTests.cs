using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>
/// The stream-event boundary goes one way: Aggregation folds what StreamEvents reads, and StreamEvents uses nothing of
/// Aggregation (no field, signature or call in its compiled code), so the reader can be read and changed on its own.
/// </summary>
public sealed class StreamEventsBoundaryTests
{
    private static readonly string StreamEventsNamespace = typeof(StreamEventReader).Namespace!;
    private static readonly string AggregationNamespace = typeof(ChangeFold).Namespace!;

    [Fact]
    public void No_type_of_StreamEvents_uses_a_type_or_member_of_Aggregation()
    {
        var uses = CompiledUses.Violations(typeof(StreamEventReader).Assembly, StreamEventsNamespace, AggregationNamespace);

        Assert.True(uses.Length == 0, "StreamEvents must not depend on Aggregation, but:\n" + string.Join('\n', uses));
    }

    [Fact]
    public void The_check_sees_a_call_into_Aggregation_where_there_is_one()
    {
        // The other direction exists (the fold calls the change's skip classification and the delta rules), so the walker
        // (CompiledUses) must find Aggregation types in Aggregation's own code: it is not vacuous.
        Assert.Contains(CompiledUses.UsesOf(typeof(ChangeFold)), used => used.Contains(nameof(ChangeDelta), StringComparison.Ordinal));
    }
}
