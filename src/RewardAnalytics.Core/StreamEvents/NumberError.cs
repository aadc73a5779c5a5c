namespace RewardAnalytics.Core.StreamEvents;

/// <summary>The ways a DynamoDB <c>N</c> string can fail to be an exact reward amount.</summary>
public enum NumberError
{
    /// <summary>The number was read.</summary>
    None,
    /// <summary>Not a number (empty, stray characters, a misplaced sign or point).</summary>
    Invalid,
    /// <summary>Beyond the range of <see cref="decimal"/>.</summary>
    OutOfRange,
    /// <summary>More significant digits than a <see cref="decimal"/> holds exactly.</summary>
    TooPrecise,
}
