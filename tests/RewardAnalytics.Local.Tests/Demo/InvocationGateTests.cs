using RewardAnalytics.Local.Demo;

namespace RewardAnalytics.Local.Tests.Demo;

/// <summary>The demo's mid-stream readings see whole invocations only.</summary>
public sealed class InvocationGateTests
{
    [Fact]
    public async Task A_reading_waits_for_the_invocation_in_flight_and_holds_the_next_one_back()
    {
        var gate = new InvocationGate();
        var events = new List<string>();
        await gate.EnterAsync(CancellationToken.None);
        var readingStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishReading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var reading = gate.WhileIdleAsync(async _ =>
        {
            lock (events) { events.Add("read"); }
            readingStarted.SetResult();
            await finishReading.Task;
        }, CancellationToken.None);
        await Task.Delay(100);
        lock (events) { events.Add("first invocation exits"); }
        gate.Exit();
        await readingStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var next = Task.Run(async () =>
        {
            await gate.EnterAsync(CancellationToken.None);
            lock (events) { events.Add("next invocation enters"); }
            gate.Exit();
        });
        await Task.Delay(100);
        lock (events) { events.Add("reading ends"); }
        finishReading.SetResult();
        await reading.WaitAsync(TimeSpan.FromSeconds(5));
        await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["first invocation exits", "read", "reading ends", "next invocation enters"], events);
    }

    [Fact]
    public async Task Two_readings_asked_for_at_once_both_run_one_after_the_other()
    {
        var gate = new InvocationGate();
        var running = 0;
        var overlapped = false;
        var done = 0;

        async Task Read(CancellationToken ct)
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(50, ct);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
        }

        await Task.WhenAll(gate.WhileIdleAsync(Read, CancellationToken.None), gate.WhileIdleAsync(Read, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, done);
        Assert.False(overlapped);
    }
}
