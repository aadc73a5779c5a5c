using Xunit.Abstractions;

namespace RewardAnalytics.Core.Tests;

/// <summary>
/// Prints a figure line (<c>[figures] key=value …</c>) that <c>.ci/run</c> collects from the TRX results. The same
/// prefix as TestSupport's <c>Figures</c>, kept here because Core's tests reference Core only.
/// </summary>
internal static class Figures
{
    public const string Prefix = "[figures]";

    public static void Print(ITestOutputHelper output, string line) => output.WriteLine($"{Prefix} {line}");
}
