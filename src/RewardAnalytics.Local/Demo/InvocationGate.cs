namespace RewardAnalytics.Local.Demo;

/// <summary>
/// Lets a reading run while no invocation is in flight: invocations enter and exit freely (shards run in parallel);
/// a reading waits for those in flight to finish and holds new ones back until it is done, so what it reads is the
/// effect of whole invocations only.
/// </summary>
internal sealed class InvocationGate
{
    private readonly Lock _sync = new();
    private int _inFlight;
    private TaskCompletionSource? _reading;
    private TaskCompletionSource? _idle;

    /// <summary>An invocation starts: waits while a reading is in progress.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task reading;
            lock (_sync)
            {
                if (_reading is null)
                {
                    _inFlight++;
                    return;
                }

                reading = _reading.Task;
            }

            await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An invocation has finished.</summary>
    public void Exit()
    {
        lock (_sync)
        {
            if (--_inFlight == 0)
            {
                _idle?.TrySetResult();
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> once no invocation is in flight, holding new ones back; one reading at a time (a second waits for the first).</summary>
    public async Task WhileIdleAsync(Func<CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        TaskCompletionSource reading;
        Task idle;
        while (true)
        {
            Task other;
            lock (_sync)
            {
                if (_reading is null)
                {
                    reading = _reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (_inFlight == 0)
                    {
                        _idle.TrySetResult();
                    }

                    idle = _idle.Task;
                    break;
                }

                other = _reading.Task;
            }

            await other.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await idle.WaitAsync(cancellationToken).ConfigureAwait(false);
            await read(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_sync)
            {
                _reading = null;
                _idle = null;
            }

            reading.TrySetResult();
        }
    }
}
