using RewardAnalytics.Local.Demo;

namespace RewardAnalytics.Local.Tests.Demo;

/// <summary>The demo's check lines say what happened in plain words.</summary>
public sealed class DemoVerifierTests
{
    [Fact]
    public void The_revision_check_says_no_day_was_revised_when_none_was()
    {
        Assert.Equal("no day was revised", DemoVerifier.RevisionsDetail([]));
    }

    [Fact]
    public void The_revision_check_names_each_revised_day_which_had_late_records()
    {
        Assert.Equal("revised: 2025-03-03 r3, 2025-03-07 r2; each had late records", DemoVerifier.RevisionsDetail(["2025-03-03 r3", "2025-03-07 r2"]));
    }
}
