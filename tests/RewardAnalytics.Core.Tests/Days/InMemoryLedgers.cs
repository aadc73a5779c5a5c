using NodaTime;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Core.Tests.Days;

/// <summary>Day ledgers in memory (days not set read as empty), counting reads; a day can be told to fail.</summary>
internal sealed class InMemoryLedgers : IDayLedgerReader
{
    private readonly Dictionary<LocalDate, DayLedger> _days = [];

    public int Reads { get; private set; }

    public Exception? Failure { get; set; }

    private readonly Dictionary<LocalDate, Exception> _dayFailures = [];

    public InMemoryLedgers Failing(LocalDate day, Exception failure)
    {
        _dayFailures[day] = failure;
        return this;
    }

    public InMemoryLedgers Running(LocalDate day, DailyTotals shards, DailyTotals? correction = null)
    {
        _days[day] = new DayLedger(shards, correction, _days.TryGetValue(day, out var ledger) ? ledger.Final : null);
        return this;
    }

    public InMemoryLedgers Finalized(LocalDate day, DailyTotals totals, int revision)
    {
        var shards = _days.TryGetValue(day, out var ledger) ? ledger.ShardTotals : totals;
        _days[day] = new DayLedger(shards, ledger?.Correction, new FinalizedDay(day, totals, revision, Instant.FromUtc(2025, 3, 4, 0, 5), new PublishedMetrics(Core.Settings.FinalizerSettings.DefaultMetricsNamespace, totals)));
        return this;
    }

    public Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken)
    {
        lock (_days)
        {
            Reads++;
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        if (_dayFailures.TryGetValue(day, out var dayFailure))
        {
            throw dayFailure;
        }

        return Task.FromResult(_days.TryGetValue(day, out var ledger) ? ledger : new DayLedger(DailyTotals.Zero, null, null));
    }
}
