namespace RewardAnalytics.Core;

/// <summary>The two kinds of reward transaction the platform writes.</summary>
public enum RewardKind
{
    Issued,
    Redeemed,
}
