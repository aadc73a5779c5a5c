namespace RewardAnalytics.Core.Aggregation;

/// <summary>Whether a (day, shard) item has applied a record, as its <see cref="AppliedHistory"/> can tell.</summary>
internal enum SequenceState
{
    /// <summary>Inside an applied range: a redelivery, counted already.</summary>
    Applied,

    /// <summary>In no applied range and above the floor: never applied, to be applied now.</summary>
    NotApplied,

    /// <summary>In no applied range and below the floor: too old to tell; assumed applied, logged and counted.</summary>
    BeyondHistory,
}
