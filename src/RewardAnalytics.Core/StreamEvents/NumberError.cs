namespace RewardAnalytics.Core.StreamEvents;

/// <summary>The ways a DynamoDB <c>N</c> string can fail to be an exact reward amount.</summary>
public enum NumberError
{
    None,
    Invalid,
    OutOfRange,
    TooPrecise,
}
