using NodaTime;
using RewardAnalytics.Aws.Operations;

namespace RewardAnalytics.Cli.IntegrationTests;

/// <summary>
/// The stream acting between a repair's steps: <see cref="AfterScan"/> runs once a scan has ended (before the days'
/// ledgers are read), <see cref="BeforeCorrection"/> once a day's ledger is read (before its correction is written).
/// </summary>
internal sealed class StreamBetweenSteps : IRepairSteps
{
    public Func<int, Task>? AfterScan { get; init; }

    public Func<LocalDate, Task>? BeforeCorrection { get; init; }

    public List<string> Seen { get; } = [];

    public async Task ScannedAsync(int scan, CancellationToken cancellationToken)
    {
        Seen.Add($"scanned {scan}");
        if (AfterScan is not null)
        {
            await AfterScan(scan);
        }
    }

    public async Task CorrectingAsync(LocalDate day, CancellationToken cancellationToken)
    {
        Seen.Add($"correcting {day:yyyy-MM-dd}");
        if (BeforeCorrection is not null)
        {
            await BeforeCorrection(day);
        }
    }
}
