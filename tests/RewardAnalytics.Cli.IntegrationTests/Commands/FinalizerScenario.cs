using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary>A fresh rewards table, aggregates table and report prefix per test (<see cref="CommandWorld"/>), rewards written to it and optionally streamed through the real aggregator: the world of the <c>finalize</c>, <c>report</c>, <c>reconcile</c> and <c>invoke finalize</c> tests, run in process through <see cref="CliApp"/>.</summary>
public abstract class FinalizerScenario : IDisposable
{
    private protected const string Day = "2023-11-15";
    private protected readonly CommandWorld _commands;
    private protected readonly LocalAwsWorld _world;
    private protected readonly IAmazonDynamoDB _dynamo;
    private protected readonly Dictionary<string, string> _environment;

    protected FinalizerScenario(LocalAwsFixture fixture)
    {
        _commands = new CommandWorld(fixture.World);
        _world = fixture.World;
        _dynamo = _commands.Dynamo;
        _environment = _commands.Environment;
    }

    private protected async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var run = await _commands.RunAsync(args);
        return (run.ExitCode, run.Output, run.Error);
    }

    /// <summary>Writes rewards to the rewards table; those <paramref name="streamed"/> also go through the real aggregator.</summary>
    private protected async Task PutRewardsAsync(bool streamed, params Dictionary<string, AttributeValue>[] items)
    {
        foreach (var item in items)
        {
            await _dynamo.PutItemAsync(new PutItemRequest { TableName = _environment["REWARDS_TABLE"], Item = item });
        }

        if (streamed)
        {
            var clock = new FakeTimeProvider(DateTimeOffset.Parse("2023-11-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
            var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = _environment["AGGREGATES_TABLE"] },
                new DynamoAggregatesWriter(_dynamo, _environment["AGGREGATES_TABLE"], clock), clock, TextWriter.Null);
            var seq = Random.Shared.Next(1, 1_000_000) * 100L;
            await aggregation.HandleAsync(Event(ShardA, items.Select((item, i) => Insert(seq + i, item)).ToArray()), default);
        }
    }

    private protected static Dictionary<string, AttributeValue>[] SeedExample() =>
    [
        .. Enumerable.Range(1, 15).Select(i => Item($"i{i}", "ISSUED", "100", "2023-11-15T10:00:00Z")),
        .. Enumerable.Range(1, 8).Select(i => Item($"r{i}", "REDEEMED", "93.75", "2023-11-15T11:00:00Z")),
    ];

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _commands.Dispose();
        }
    }
}
