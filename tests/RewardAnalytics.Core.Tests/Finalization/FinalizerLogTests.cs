using NodaTime;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Core.Tests.Finalization;

/// <summary>The finalizer's log lines.</summary>
public sealed class FinalizerLogTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);

    [Theory]
    [InlineData(1, "metrics not published: ")]
    [InlineData(2, "metrics not re-published: ")]
    public void Metrics_too_old_for_CloudWatch_are_not_published_on_a_first_finalization_and_not_re_published_on_a_revision(int revision, string message)
    {
        using var log = new StringWriter();

        new FinalizerLog(log, TimeProvider.System).MetricsTooOld(Day, revision, Instant.FromUtc(2023, 11, 15, 23, 59));

        Assert.Contains($"\"{message}", log.ToString(), StringComparison.Ordinal);
    }
}
