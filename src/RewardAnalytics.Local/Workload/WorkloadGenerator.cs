using System.Globalization;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using NodaTime.Text;

namespace RewardAnalytics.Local.Workload;

/// <summary>
/// Generates a loyalty platform's writes from a seed: mostly issues and redemptions through each day, some amount and
/// type corrections, rewards moved to an earlier day, deletions, TTL expiries, late writes for finalized days, and a
/// few malformed items (one later repaired). It keeps its own model of the table to pick targets.
/// </summary>
internal sealed class WorkloadGenerator
{
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static readonly OffsetDateTimePattern OffsetPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss.fffo<Z+HH:mm>");
    private static readonly string[] Channels = ["app", "web", "store", "partner"];

    private readonly WorkloadOptions _options;
    private readonly Random _random;
    private readonly List<WorkloadOperation> _operations = [];
    private readonly Dictionary<string, Live> _live = new(StringComparer.Ordinal);
    private readonly List<string> _created = [];
    private readonly PriorityQueue<string, Instant> _expiries = new();
    private readonly List<string> _malformed = [];
    private readonly HashSet<int> _lateTargets = [];
    private long _order;
    private int _nextId;

    public WorkloadGenerator(WorkloadOptions options)
    {
        options.Validate();
        _options = options;
        _random = new Random(unchecked((int)(options.Seed ^ (options.Seed >> 32))));
    }

    /// <summary>A reward in the generator's model of the table; <see cref="Day"/> is the index of its createdAt day.</summary>
    private sealed record Live(Dictionary<string, AttributeValue> Item, Instant CreatedAt, bool Valid, Instant? ExpiresAt, int Day);

    public WorkloadPlan Generate(CancellationToken cancellationToken = default)
    {
        // Late data lands on a few days only, so the revisions it causes can be checked against where it went:
        // a backfill every third day (for the days just before it), and corrections of two days after the last one.
        var late = (int)Math.Round(_options.Rewards * _options.LateShare);
        while (_lateTargets.Count < Math.Min(2, _options.Days))
        {
            _lateTargets.Add(_random.Next(_options.Days));
        }

        var regular = _options.Rewards - late;
        var malformedAt = Enumerable.Range(0, _options.MalformedCount).Select(_ => _random.Next(regular)).ToHashSet();
        var written = 0;
        for (var day = 0; day < _options.Days; day++)
        {
            var count = (regular / _options.Days) + (day < regular % _options.Days ? 1 : 0);
            var (start, length) = DayBounds(day);
            foreach (var offset in Offsets(count, length))
            {
                if ((written & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var at = start + offset;
                if (malformedAt.Contains(written++))
                {
                    AddMalformed(day, at);
                }
                else
                {
                    AddDaily(day, at);
                }
            }
        }

        var (afterStart, _) = DayBounds(_options.Days);
        var lateTimes = Offsets(late, Duration.FromHours(6), diurnal: false).Select(o => afterStart + Duration.FromHours(1) + o).ToArray();
        for (var i = 0; i < lateTimes.Length; i++)
        {
            if (i == 0 && _malformed.Count > 0)
            {
                AddRepair(_options.Days, lateTimes[i]);
            }
            else
            {
                AddLate(_options.Days, lateTimes[i]);
            }
        }

        return new WorkloadPlan(_options, _operations);
    }

    private void AddDaily(int day, Instant at)
    {
        var r = _random.NextDouble();
        if (_expiries.TryPeek(out var due, out var expiresAt) && expiresAt <= at && r < 0.04)
        {
            _expiries.Dequeue();
            if (_live.ContainsKey(due))
            {
                Remove(day, at, due, WorkloadKind.TtlExpiry);
                return;
            }
        }

        var done = r switch
        {
            < 0.06 => Modify(day, at, WorkloadKind.AmountCorrection),
            < 0.09 => Modify(day, at, WorkloadKind.TypeCorrection),
            < 0.11 => Modify(day, at, WorkloadKind.DayMove),
            < 0.15 => Recent(day) is { } victim && Remove(day, at, victim, WorkloadKind.Deletion),
            < 0.18 when IsBackfillDay(day) => AddNew(day, at, CreatedOnEarlierDay(day, at), WorkloadKind.LateWrite),
            _ => false,
        };
        if (!done)
        {
            AddNew(day, at, at, _random.NextDouble() < 0.3 ? WorkloadKind.Redeem : WorkloadKind.Issue);
        }
    }

    /// <summary>After the last day: rewards for finalized days arriving late, and corrections of old ones.</summary>
    private void AddLate(int phase, Instant at)
    {
        var r = _random.NextDouble();
        var done = r switch
        {
            < 0.3 => Modify(phase, at, WorkloadKind.AmountCorrection, lateTargets: true),
            < 0.4 => OnLateTarget() is { } victim && Remove(phase, at, victim, WorkloadKind.Deletion),
            _ => false,
        };
        if (!done)
        {
            var (start, length) = DayBounds(_lateTargets.ElementAt(_random.Next(_lateTargets.Count)));
            AddNew(phase, at, start + Duration.FromTicks((long)(_random.NextDouble() * length.TotalTicks)), WorkloadKind.LateWrite);
        }
    }

    private bool IsBackfillDay(int day) => day > 0 && StableHashDay(day) % 3 == 0;

    private ulong StableHashDay(int day) => Streaming.StableHash.Of(_options.Seed, "backfill", day);

    private bool AddNew(int phase, Instant at, Instant createdAt, WorkloadKind kind)
    {
        var id = NextId();
        var redeemed = kind == WorkloadKind.Redeem || (kind == WorkloadKind.LateWrite && _random.NextDouble() < 0.3);
        var item = new Dictionary<string, AttributeValue>
        {
            ["rewardId"] = new() { S = id },
            ["customerId"] = new() { S = $"cust-{_random.Next(1, 5_000):D5}" },
            ["type"] = new() { S = TypeText(redeemed) },
            ["amount"] = new() { N = Amount() },
            ["createdAt"] = CreatedAtValue(createdAt),
            ["channel"] = new() { S = Channels[_random.Next(Channels.Length)] },
        };
        Instant? expiresAt = null;
        if (_random.NextDouble() < 0.12)
        {
            expiresAt = createdAt + Duration.FromHours(_random.Next(24, 72));
            item["expiresAt"] = new AttributeValue { N = expiresAt.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
            _expiries.Enqueue(id, expiresAt.Value);
        }

        _live[id] = new Live(item, createdAt, true, expiresAt, DayIndex(createdAt));
        _created.Add(id);
        Emit(phase, kind, at, id, item, null);
        return true;
    }

    private void AddMalformed(int phase, Instant at)
    {
        var id = NextId();
        var item = MalformedRewards.Create(_malformed.Count, id, at.ToDateTimeOffset());
        _malformed.Add(id);
        _live[id] = new Live(item, at, false, null, DayIndex(at));
        Emit(phase, WorkloadKind.Malformed, at, id, item, null);
    }

    /// <summary>The platform fixes one malformed item: the MODIFY makes it count from then on.</summary>
    private void AddRepair(int phase, Instant at)
    {
        var id = _malformed[0];
        var createdAt = _live[id].CreatedAt;
        var item = new Dictionary<string, AttributeValue>
        {
            ["rewardId"] = new() { S = id },
            ["type"] = new() { S = "ISSUED" },
            ["amount"] = new() { N = "10" },
            ["createdAt"] = new() { S = UtcPattern.Format(createdAt) },
        };
        _live[id] = _live[id] with { Item = item, Valid = true };
        Emit(phase, WorkloadKind.Repair, at, id, item, null);
    }

    private bool Modify(int phase, Instant at, WorkloadKind kind, bool lateTargets = false)
    {
        if ((lateTargets ? OnLateTarget() : Recent(phase)) is not { } id || !_live[id].Valid)
        {
            return false;
        }

        var live = _live[id];
        switch (kind)
        {
            case WorkloadKind.AmountCorrection:
                var set = new Dictionary<string, AttributeValue> { ["amount"] = new() { N = Amount() } };
                var updated = new Dictionary<string, AttributeValue>(live.Item) { ["amount"] = set["amount"] };
                _live[id] = live with { Item = updated };
                Emit(phase, kind, at, id, null, set);
                return true;
            case WorkloadKind.TypeCorrection:
                var redeemed = !string.Equals(live.Item["type"].S, "REDEEMED", StringComparison.OrdinalIgnoreCase);
                var flipped = new Dictionary<string, AttributeValue>(live.Item) { ["type"] = new() { S = TypeText(redeemed) } };
                _live[id] = live with { Item = flipped };
                Emit(phase, kind, at, id, flipped, null);
                return true;
            default:
                // Moved to an earlier time of the same day (a clock fix at the till).
                var movedTo = live.CreatedAt - Duration.FromMinutes(_random.Next(5, 6 * 60));
                if (movedTo < DayBounds(live.Day).Start)
                {
                    return false;
                }

                var move = new Dictionary<string, AttributeValue> { ["createdAt"] = new() { S = UtcPattern.Format(movedTo) } };
                var moved = new Dictionary<string, AttributeValue>(live.Item) { ["createdAt"] = move["createdAt"] };
                _live[id] = live with { Item = moved, CreatedAt = movedTo };
                Emit(phase, kind, at, id, null, move);
                return true;
        }
    }

    private bool Remove(int phase, Instant at, string id, WorkloadKind kind)
    {
        _live.Remove(id);
        _malformed.Remove(id);
        Emit(phase, kind, at, id, null, null);
        return true;
    }

    private void Emit(int phase, WorkloadKind kind, Instant at, string id, Dictionary<string, AttributeValue>? item, Dictionary<string, AttributeValue>? set) =>
        _operations.Add(new WorkloadOperation(_order++, phase, kind, at, id, item, set));

    /// <summary>A live reward created on the same day, most likely a recent one (corrections mostly touch fresh rewards).</summary>
    private string? Recent(int day)
    {
        for (var attempt = 0; attempt < 6 && _created.Count > 0; attempt++)
        {
            var back = (int)(Math.Pow(_random.NextDouble(), 2) * Math.Min(_created.Count, 1_000));
            var id = _created[_created.Count - 1 - back];
            if (_live.TryGetValue(id, out var live) && live.Day == day)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>A live reward of one of the days the late writes go to.</summary>
    private string? OnLateTarget()
    {
        for (var attempt = 0; attempt < 12 && _created.Count > 0; attempt++)
        {
            var id = _created[_random.Next(_created.Count)];
            if (_live.TryGetValue(id, out var live) && _lateTargets.Contains(live.Day))
            {
                return id;
            }
        }

        return null;
    }

    private int DayIndex(Instant instant) => Period.Between(_options.FirstDay, instant.InZone(_options.TimeZone).Date, PeriodUnits.Days).Days;

    private Instant CreatedOnEarlierDay(int phase, Instant at)
    {
        var back = Math.Min(phase, _random.Next(1, 4));
        var (start, length) = DayBounds(phase - back);
        var createdAt = start + Duration.FromTicks((long)(_random.NextDouble() * length.TotalTicks));
        return createdAt < at ? createdAt : at;
    }

    private (Instant Start, Duration Length) DayBounds(int day)
    {
        var date = _options.FirstDay.PlusDays(day);
        var start = date.AtStartOfDayInZone(_options.TimeZone).ToInstant();
        var end = date.PlusDays(1).AtStartOfDayInZone(_options.TimeZone).ToInstant();
        return (start, end - start);
    }

    /// <summary>Sorted times within a day: most traffic between 08:00 and 22:00, some at any hour.</summary>
    private IEnumerable<Duration> Offsets(int count, Duration length, bool diurnal = true)
    {
        var offsets = new long[count];
        var busyStart = Duration.FromHours(8).TotalTicks;
        var busyLength = Math.Min(Duration.FromHours(14).TotalTicks, length.TotalTicks - busyStart);
        for (var i = 0; i < count; i++)
        {
            offsets[i] = diurnal && busyLength > 0 && _random.NextDouble() < 0.85
                ? (long)(busyStart + (_random.NextDouble() * busyLength))
                : (long)(_random.NextDouble() * length.TotalTicks);
        }

        Array.Sort(offsets);
        return offsets.Select(Duration.FromTicks);
    }

    private string NextId() => $"rw-{_options.Seed % 1000:D3}-{++_nextId:D7}";

    private string TypeText(bool redeemed)
    {
        var text = redeemed ? "REDEEMED" : "ISSUED";
        return _random.NextDouble() < 0.05 ? (_random.Next(2) == 0 ? text.ToLowerInvariant() : text[0] + text[1..].ToLowerInvariant()) : text;
    }

    private string Amount()
    {
        var r = _random.NextDouble();
        var amount = r switch
        {
            < 0.01 => 0m,
            < 0.03 => 0.1m,
            _ => _random.Next(1, 50_000) / 100m,
        };
        return amount.ToString(CultureInfo.InvariantCulture);
    }

    private AttributeValue CreatedAtValue(Instant createdAt)
    {
        var r = _random.NextDouble();
        return r switch
        {
            < 0.55 => new AttributeValue { S = OffsetPattern.Format(createdAt.InZone(_options.TimeZone).ToOffsetDateTime()) },
            < 0.80 => new AttributeValue { S = UtcPattern.Format(createdAt) },
            < 0.95 => new AttributeValue { N = createdAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            _ => new AttributeValue { N = createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
        };
    }
}
