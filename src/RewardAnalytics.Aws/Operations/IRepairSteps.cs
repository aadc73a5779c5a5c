using NodaTime;

namespace RewardAnalytics.Aws.Operations;

/// <summary>
/// The points between a repair's steps where the stream may apply records: after a scan of the rewards table (before
/// the days' ledgers are read), and after a day's ledger read (before its correction is written). Production runs
/// <see cref="RepairSteps.None"/>; tests apply real stream records there through the real aggregator.
/// </summary>
internal interface IRepairSteps
{
    /// <summary>Scan number <paramref name="scan"/> (1 for the first) has ended; no ledger of its days has been read yet.</summary>
    Task ScannedAsync(int scan, CancellationToken cancellationToken);

    /// <summary><paramref name="day"/>'s ledger has been read and its correction worked out; it is about to be written.</summary>
    Task CorrectingAsync(LocalDate day, CancellationToken cancellationToken);
}
