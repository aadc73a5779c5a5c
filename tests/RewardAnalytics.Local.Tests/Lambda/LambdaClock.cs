namespace RewardAnalytics.Local.Tests.Lambda;

/// <summary>The instant the Lambda output tests' clocks stand at.</summary>
internal static class LambdaClock
{
    /// <summary>A time with milliseconds, so a timestamp that drops them shows.</summary>
    internal static readonly DateTimeOffset Now = new(2023, 11, 15, 9, 26, 0, 123, TimeSpan.Zero);
}
