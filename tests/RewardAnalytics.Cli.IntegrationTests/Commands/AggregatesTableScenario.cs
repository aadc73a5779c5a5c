using Amazon.DynamoDBv2;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary>A fresh aggregates table in the shared local world for each test, and the environment that points the CLI at it: the world of the <c>invoke aggregate</c>, <c>invoke totals-api</c> and <c>totals</c> tests.</summary>
public abstract class AggregatesTableScenario : IDisposable
{
    private protected readonly LocalAwsWorld _world;
    private protected readonly IAmazonDynamoDB _dynamo;
    private protected readonly string _table = $"aggregates-{Guid.NewGuid():N}";

    protected AggregatesTableScenario(LocalAwsFixture fixture)
    {
        _world = fixture.World;
        _dynamo = _world.CreateDynamoDb();
        // A table of its own, so that no other test's invocations show in this test's totals.
        LocalAwsWorld.CreateAggregatesTableAsync(_dynamo, _table, default).GetAwaiter().GetResult();
    }

    private protected string? Environment(string name) => name == "AGGREGATES_TABLE" ? _table : _world.Get(name);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dynamo.Dispose();
        }
    }
}
