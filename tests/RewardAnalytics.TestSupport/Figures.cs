using Xunit.Abstractions;

namespace RewardAnalytics.TestSupport;

/// <summary>
/// Prints a figure line (<c>[figures] key=value …</c>) to the test output; <c>.ci/run</c> collects these lines from
/// the TRX results and shows them in CI's output.
/// </summary>
public static class Figures
{
    public const string Prefix = "[figures]";

    public static void Print(ITestOutputHelper output, string line) => output.WriteLine($"{Prefix} {line}");
}
