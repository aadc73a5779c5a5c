using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using static RewardAnalytics.Aws.Aggregates.AggregateItemCodec;

namespace RewardAnalytics.Aws.Operations;

/// <summary>
/// A day's ledger as one consistent query saw it, attribute by attribute: every <c>SHARD#</c> item (watermark, applied
/// history, write count, totals, TTL-expired tally) and the <c>CORRECTION</c> item; the <c>FINAL</c> item is not part of
/// it (the correction does not depend on it). The stream changes a shard item's write count with every record it
/// applies, so two equal fingerprints read at two moments mean the stream applied nothing to the day in between (a
/// shard item's counters only grow: no write brings an item back to an earlier state).
/// </summary>
internal sealed class DayLedgerFingerprint
{
    private readonly SortedDictionary<string, string> _shards;
    private readonly string? _correction;

    private DayLedgerFingerprint(LocalDate day, SortedDictionary<string, string> shards, Dictionary<string, AttributeValue>? correctionItem)
    {
        Day = day;
        _shards = shards;
        CorrectionItem = correctionItem;
        _correction = correctionItem is null ? null : Canonical(correctionItem);
    }

    /// <summary>The day.</summary>
    public LocalDate Day { get; }

    /// <summary>The <c>CORRECTION</c> item as read, every attribute (null when the day has none).</summary>
    public Dictionary<string, AttributeValue>? CorrectionItem { get; }

    /// <summary>True when every shard item is exactly as in <paramref name="other"/> (no item added, none changed).</summary>
    public bool SameShards(DayLedgerFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _shards.Count == other._shards.Count &&
               _shards.All(s => other._shards.TryGetValue(s.Key, out var state) && string.Equals(state, s.Value, StringComparison.Ordinal));
    }

    /// <summary>True when the shard items and the correction are exactly as in <paramref name="other"/>.</summary>
    public bool SameLedger(DayLedgerFingerprint other) =>
        SameShards(other) && string.Equals(_correction, other._correction, StringComparison.Ordinal);

    /// <summary>The fingerprint of <paramref name="day"/>'s ledger now: one consistent query of the day's items.</summary>
    public static async Task<DayLedgerFingerprint> ReadAsync(DynamoDayLedgerReader table, LocalDate day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var shards = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? correction = null;
        await foreach (var item in table.QueryDayAsync(day, cancellationToken).ConfigureAwait(false))
        {
            var sk = item.TryGetValue(AggregateItemCodec.SortKey, out var value) ? value.S : null;
            if (sk is null)
            {
                continue;
            }

            if (sk.StartsWith(ShardPrefix, StringComparison.Ordinal))
            {
                shards[sk] = Canonical(item);
            }
            else if (sk == Correction)
            {
                correction = item;
            }
        }

        return new DayLedgerFingerprint(day, shards, correction);
    }

    /// <summary>Every attribute of an item, sorted by name, with its type and value, as one string.</summary>
    private static string Canonical(Dictionary<string, AttributeValue> item)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in item.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(Describe(value)).Append('\u001f');
        }

        return text.ToString();
    }

    private static string Describe(AttributeValue value) => value switch
    {
        { S: { } s } => "S:" + s,
        { N: { } n } => "N:" + n,
        { BOOL: { } b } => "BOOL:" + b.ToString(CultureInfo.InvariantCulture),
        { NULL: true } => "NULL",
        { B: { } bytes } => "B:" + Convert.ToBase64String(bytes.ToArray()),
        { SS: { Count: > 0 } ss } => "SS:" + string.Join('\u001e', ss.Order(StringComparer.Ordinal)),
        { NS: { Count: > 0 } ns } => "NS:" + string.Join('\u001e', ns.Order(StringComparer.Ordinal)),
        { L: { Count: > 0 } list } => "L:[" + string.Join('\u001e', list.Select(Describe)) + "]",
        { M: { Count: > 0 } map } => "M:{" + Canonical(map) + "}",
        _ => "?",
    };
}
