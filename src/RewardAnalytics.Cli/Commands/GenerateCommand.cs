using System.CommandLine;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>generate --rewards N --days D --out FILE</c>: the demo's workload as Lambda stream events, one a line.</summary>
public static class GenerateCommand
{
    /// <summary>The <c>generate</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var options = new WorkloadCommandOptions();
        var output = new Option<FileInfo>("--out") { Description = "The file to write: one tumbling-window DynamoDB Streams event (JSON) a line.", Required = true, HelpName = "FILE" };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per event at most (the mapping's BatchSize).", DefaultValueFactory = _ => DeliverySchedule.DefaultBatchSize, HelpName = "N" };
        var command = new Command("generate",
            "Write the workload the demo uses (issues, redemptions, corrections, deletions, TTL expiries, late writes, a few malformed items) as the " +
            "Lambda events a DynamoDB stream with a tumbling window would deliver: one JSON document a line, each shard's records in order, " +
            "no faults. No emulator is needed (the table is simulated in memory). Replay a line with 'invoke aggregate --event'.\n" +
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
            var workload = WorkloadPlan.Generate(workloadOptions);
            var last = workload.Operations.Max(o => o.At).ToDateTimeOffset();
            var clock = new SimulatedClock(last.AddDays(1));
            var stream = new LocalStream(new LocalStreamOptions { ShardCount = options.Shards(parse), Seed = workloadOptions.Seed });
            var table = new RecordingRewardsTable(new InMemoryRewardItemStore(), stream, clock);
            foreach (var operation in workload.Operations)
            {
                await WorkloadRunner.ApplyAsync(table, operation, ct).ConfigureAwait(false);
            }

            int events;
            try
            {
                await using var writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
                var function = new EventFileFunction(writer);
                // One shard lineage at a time: the same seed writes the same lines in the same order (README's 'head -1' is stable).
                var schedule = new DeliverySchedule { BatchSize = size, RecordAttempts = false, ParallelShards = 1 };
                await new StreamDriver(stream, function, schedule, FaultPlan.None, clock).DrainAsync(ct).ConfigureAwait(false);
                await writer.FlushAsync(ct).ConfigureAwait(false);
                events = function.Events;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"error: --out '{file.FullName}' could not be written: {FileErrors.Describe(ex)}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            // Only now is the file written: never a success line before the write succeeded.
            await context.Output.WriteLineAsync(
                $"wrote {events} events ({stream.RecordCount} stream records from {workload.Operations.Count} writes, {stream.Shards.Count} shards) to {file.FullName}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>A "function" that appends each event it is invoked with to a file, one line each.</summary>
    private sealed class EventFileFunction(StreamWriter writer) : IStreamFunction
    {
        private readonly Lock _lock = new();

        public int Events { get; private set; }

        public Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                writer.WriteLine(System.Text.Encoding.UTF8.GetString(invocation.Payload));
                Events++;
            }

            return Task.FromResult(StreamFunctionResponse.Success);
        }
    }
}
