namespace RewardAnalytics.Local.Demo;

/// <summary>The demo's clock: it stands where the simulated day is, so the finalizer's "yesterday" and the tumbling windows follow the workload.</summary>
public sealed class SimulatedClock : TimeProvider
{
    private long _ticks;

    /// <summary>A clock standing at <paramref name="start"/>.</summary>
    public SimulatedClock(DateTimeOffset start) => Set(start);

    /// <summary><inheritdoc/></summary>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="now"/> (forward or back).</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}
