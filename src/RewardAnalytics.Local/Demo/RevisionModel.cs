using NodaTime;
using RewardAnalytics.Core;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// What the finalizer must have done, worked out independently: the first run for a day creates revision 1, a run
/// that sees other totals than the last published ones revises (n + 1), an equal one leaves it unchanged.
/// </summary>
internal sealed class RevisionModel
{
    private readonly Dictionary<LocalDate, (int Revision, DailyTotals Totals)> _published = [];

    /// <summary>The expected action and revision of a run that finds <paramref name="totals"/>; records them.</summary>
    public (string Action, int Revision) Finalize(LocalDate day, DailyTotals totals)
    {
        if (!_published.TryGetValue(day, out var last))
        {
            _published[day] = (1, totals);
            return ("created", 1);
        }

        if (last.Totals == totals)
        {
            return ("unchanged", last.Revision);
        }

        _published[day] = (last.Revision + 1, totals);
        return ("revised", last.Revision + 1);
    }

    /// <summary>The totals of the last revision the model expects for <paramref name="day"/> (zero when none was published).</summary>
    public DailyTotals TotalsOf(LocalDate day) => _published.TryGetValue(day, out var p) ? p.Totals : DailyTotals.Zero;

    /// <summary>The last revision the model expects for <paramref name="day"/> (0 when none was published).</summary>
    public int RevisionOf(LocalDate day) => _published.TryGetValue(day, out var p) ? p.Revision : 0;
}
