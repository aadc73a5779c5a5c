using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// The aggregator's log stream, read the way an operator would query CloudWatch Logs: it keeps the
/// <c>"stream record skipped"</c> lines (reason, sequence number, keys) and drops the rest (EMF lines).
/// Thread-safe: shards are delivered in parallel.
/// </summary>
public sealed class SkippedRecordLog : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _line = new();
    private readonly List<LoggedSkip> _skips = [];

    /// <summary><inheritdoc/></summary>
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Every skip logged, repeated deliveries included.</summary>
    public IReadOnlyList<LoggedSkip> Skips
    {
        get
        {
            lock (_lock)
            {
                return _skips.ToArray();
            }
        }
    }

    /// <summary><inheritdoc/></summary>
    public override void Write(char value)
    {
        lock (_lock)
        {
            if (value == '\n')
            {
                Take(_line.ToString());
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    /// <summary><inheritdoc/></summary>
    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            _line.Append(value);
            Take(_line.ToString());
            _line.Clear();
        }
    }

    private void Take(string line)
    {
        if (!line.Contains("\"stream record skipped\"", StringComparison.Ordinal))
        {
            return;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var key = root.TryGetProperty("keys", out var keys) && keys.TryGetProperty("rewardId", out var id) && id.TryGetProperty("S", out var s)
            ? s.GetString()
            : null;
        _skips.Add(new LoggedSkip(
            root.GetProperty("sequenceNumber").GetString() ?? string.Empty,
            root.GetProperty("reason").GetString() ?? string.Empty,
            key,
            root.TryGetProperty("shardId", out var shard) ? shard.GetString() : null));
    }
}
