namespace RewardAnalytics.Core.StreamEvents;

/// <summary>The DynamoDB type descriptor of an attribute value, as far as a reward cares.</summary>
public enum AttributeKind
{
    /// <summary>The item has no such attribute.</summary>
    Missing,
    /// <summary>A string (<c>S</c>).</summary>
    S,
    /// <summary>A number (<c>N</c>).</summary>
    N,
    /// <summary>Any other type (<c>BOOL</c>, <c>M</c>, <c>L</c>, …): a reward cannot use it.</summary>
    Other,
}
