using System.Text.Json;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Cli.Tests.Commands;

/// <summary><c>generate</c>'s event file: one stream event a line, the same bytes for the same seed (no emulator: generate writes a file).</summary>
public sealed class GenerateCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reward-analytics-local-tests-").FullName;

    [Fact]
    public async Task Generate_writes_one_stream_event_a_line_with_every_record()
    {
        var file = Path.Combine(_directory, "events.jsonl");
        var stdout = new StringWriter();
        var code = await new CliApp(stdout, new StringWriter(), _ => null, TimeProvider.System)
            .RunAsync(["generate", "--rewards", "800", "--days", "2", "--out", file, "--seed", "3"], CancellationToken.None);

        Assert.Equal(0, code);
        var events = (await File.ReadAllLinesAsync(file)).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.All(events, e => Assert.StartsWith("shardId-", e.GetProperty("shardId").GetString(), StringComparison.Ordinal));
        var records = events.Sum(e => e.GetProperty("Records").GetArrayLength());
        Assert.Contains($"({records} stream records from 800 writes", stdout.ToString(), StringComparison.Ordinal);
        Assert.All(events, e => Assert.InRange(e.GetProperty("Records").GetArrayLength(), 0, 100));
        Figures.Print(output, $"generate events={events.Length} records={records}");
    }

    [Fact]
    public async Task Generate_with_the_same_seed_writes_byte_identical_files()
    {
        var first = Path.Combine(_directory, "first.jsonl");
        var second = Path.Combine(_directory, "second.jsonl");

        foreach (var file in new[] { first, second })
        {
            var run = await CliRun.RunAsync(_ => null, "generate", "--rewards", "2000", "--days", "2", "--shards", "8", "--seed", "11", "--out", file);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
