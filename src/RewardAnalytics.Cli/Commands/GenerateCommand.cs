using System.CommandLine;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>generate --rewards N --days D --out FILE</c>: the demo's workload as Lambda stream events, one a line.</summary>
internal static class GenerateCommand
{
    /// <summary>The <c>generate</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var options = new WorkloadCommandOptions(injectsFaults: false);
        var output = new Option<FileInfo>("--out") { Description = "The file to write: one tumbling-window DynamoDB Streams event (JSON) a line.", Required = true, HelpName = "FILE" };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per event at most (the mapping's BatchSize).", DefaultValueFactory = _ => DeliverySchedule.DefaultBatchSize, HelpName = "N" };
        var command = new Command("generate",
            "Write the workload the demo uses (issues, redemptions, corrections, deletions, TTL expiries, late writes, a few malformed items) as the " +
            "Lambda events a DynamoDB stream with a tumbling window would deliver: one JSON document a line, each shard's records in order, " +
            "no faults. No emulator is needed (the table is simulated in memory). Replay the whole file with 'invoke aggregate --event FILE' (each line in order).\n" +
            "Example: reward-analytics generate --rewards 1000 --days 3 --out events.jsonl")
        {
            output,
            batchSize,
        };
        options.AddTo(command);
        app.Standalone(command);
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var workloadOptions = options.Read(parse);
            var size = CliInput.InRange(parse.GetValue(batchSize), "--batch-size", 1, 10_000, "a batch size");
            var file = CliInput.FileToWrite(parse.GetValue(output)!, "--out");
            var (writes, stream, clock) = await SimulateAsync(workloadOptions, options.Shards(parse), ct).ConfigureAwait(false);

            // Written to a temporary file beside --out and renamed over it only once complete: Ctrl-C or a failure
            // leaves an earlier file of that name as it was, and no half-written one.
            var temporary = Path.Combine(file.DirectoryName ?? ".", $".{file.Name}.{Environment.ProcessId}.tmp");
            int events;
            try
            {
                await using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
                {
                    var function = new EventFileFunction(writer);
                    // One shard lineage at a time: the same seed writes the same lines in the same order (README's 'head -1' is stable).
                    var schedule = new DeliverySchedule { BatchSize = size, RecordAttempts = false, ParallelShards = 1 };
                    await new StreamDriver(stream, function, schedule, FaultPlan.None, clock).DrainAsync(ct).ConfigureAwait(false);
                    await writer.FlushAsync(ct).ConfigureAwait(false);
                    events = function.Events;
                }

                File.Move(temporary, file.FullName, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                DeleteQuietly(temporary);
                await context.Error.WriteLineAsync($"error: --out '{file.FullName}' could not be written: {FileErrors.Describe(ex)}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            catch
            {
                DeleteQuietly(temporary);
                throw;
            }

            // Only now is the file written: never a success line before the write succeeded.
            await context.Output.WriteLineAsync(
                $"wrote {events} events ({stream.RecordCount} stream records from {writes} writes, {stream.Shards.Count} shards) to {file.FullName}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>
    /// Plays the workload against an in-memory table, recording its stream. The plan is not kept past this method, so
    /// its writes can be collected while the events are written.
    /// </summary>
    private static async Task<(int Writes, LocalStream Stream, SimulatedClock Clock)> SimulateAsync(WorkloadOptions options, int shards, CancellationToken ct)
    {
        var workload = WorkloadPlan.Generate(options, ct);
        var last = workload.Operations.Max(o => o.At).ToDateTimeOffset();
        var clock = new SimulatedClock(last.AddDays(1));
        var stream = new LocalStream(new LocalStreamOptions { ShardCount = shards, Seed = options.Seed });
        var table = new RecordingRewardsTable(new InMemoryRewardItemStore(), stream, clock, mirror: false);
        var applied = 0;
        foreach (var operation in workload.Operations)
        {
            await WorkloadRunner.ApplyAsync(table, operation, ct).ConfigureAwait(false);
            if (++applied % CommitEvery == 0)
            {
                // Writes are applied in stream order, so committing as they go places every record as one commit at
                // the end would; in small steps, Ctrl-C is heard between them.
                ct.ThrowIfCancellationRequested();
                stream.Commit();
            }
        }

        stream.Commit();
        return (workload.Operations.Count, stream, clock);
    }

    private const int CommitEvery = 4096;

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary file left behind is named after --out and the process; nothing reads it.
        }
    }

    /// <summary>A "function" that appends each event it is invoked with to a file, one line each.</summary>
    private sealed class EventFileFunction(StreamWriter writer) : IStreamFunction
    {
        private readonly Lock _lock = new();

        public int Events { get; private set; }

        public Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_lock)
            {
                writer.WriteLine(System.Text.Encoding.UTF8.GetString(invocation.Payload));
                Events++;
            }

            return Task.FromResult(StreamFunctionResponse.Success);
        }
    }
}
