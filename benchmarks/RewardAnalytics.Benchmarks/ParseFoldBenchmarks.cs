using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Benchmarks;

/// <summary>
/// Parse + fold of a 10,000-record tumbling-window event from a <see cref="Stream"/> to per-day deltas.
/// Each operation is one record (OperationsPerInvoke), so Mean is time per record and Allocated is bytes per record.
/// </summary>
[MemoryDiagnoser]
public class ParseFoldBenchmarks
{
    public const int Records = 10_000;
    private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb["America/New_York"];
    private byte[] _event = [];
    private StreamEventReader _reader = null!;
    private ChangeFold _fold = null!;

    [GlobalSetup]
    public void Setup()
    {
        _event = BenchmarkWorkload.Event(Records);
        _reader = new StreamEventReader(RewardImageSchema.Default);
        _fold = new ChangeFold(_zone);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records, Description = "reflection JsonSerializer POCO + fold")]
    public int ReflectionSerializer()
    {
        using var input = new MemoryStream(_event, writable: false);
        return ReflectionModel.Fold(input, _zone).Count;
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "project: pooled buffer + Utf8JsonReader fold")]
    public int ProjectParser()
    {
        using var input = new MemoryStream(_event, writable: false);
        using var payload = PooledPayload.ReadAsync(input, CancellationToken.None).GetAwaiter().GetResult();
        using var batch = _reader.Read(payload.Memory.Span);
        using var folded = _fold.Fold(batch.Changes);
        return folded.Days.Count;
    }

    /// <summary>
    /// The floor under any Utf8JsonReader-based parser: the same pooled read, then every token read and nothing done
    /// with it. The project parser's time above this is its own work (dispatch, numbers, dates, fold).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Records, Description = "floor: pooled buffer + Utf8JsonReader tokens only")]
    public int TokenizeOnly()
    {
        using var input = new MemoryStream(_event, writable: false);
        using var payload = PooledPayload.ReadAsync(input, CancellationToken.None).GetAwaiter().GetResult();
        var reader = new Utf8JsonReader(payload.Memory.Span);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
