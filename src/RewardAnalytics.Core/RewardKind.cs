namespace RewardAnalytics.Core;

/// <summary>The two kinds of reward transaction the platform writes.</summary>
public enum RewardKind
{
    /// <summary>Rewards granted to a member (<c>type</c> ISSUED).</summary>
    Issued,
    /// <summary>Rewards spent by a member (<c>type</c> REDEEMED).</summary>
    Redeemed,
}
