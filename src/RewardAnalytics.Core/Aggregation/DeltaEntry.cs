using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// What one stream record changes on one day (a MODIFY that moves a reward's day yields two). A TTL expiry changes no
/// total: its contribution is kept apart in <see cref="Expired"/>, so a reconcile can add back what the scan no longer sees.
/// </summary>
internal readonly record struct DeltaEntry(SequenceNumber Sequence, LocalDate Day, DailyTotals Delta, DailyTotals Expired = default);
