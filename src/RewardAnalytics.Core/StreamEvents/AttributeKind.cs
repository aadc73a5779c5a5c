namespace RewardAnalytics.Core.StreamEvents;

/// <summary>The DynamoDB type descriptor of an attribute value, as far as a reward cares.</summary>
public enum AttributeKind
{
    Missing,
    S,
    N,
    Other,
}
