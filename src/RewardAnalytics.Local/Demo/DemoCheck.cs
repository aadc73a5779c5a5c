namespace RewardAnalytics.Local.Demo;

/// <summary>A named check and what it found.</summary>
public sealed record DemoCheck(string Name, bool Passed, string Detail);
