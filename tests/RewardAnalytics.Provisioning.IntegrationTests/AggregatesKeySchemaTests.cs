using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Provisioning.IntegrationTests;

/// <summary>
/// The aggregates table's key, tied end to end: the definition the Pulumi program deploys, the table the local world
/// creates, and the key names the item codec writes and reads all come from <see cref="AggregatesKeySchema"/>.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AggregatesKeySchemaTests(LocalAwsFixture fixture)
{
    [Fact]
    public void The_provisioned_key_and_the_codec_key_are_the_one_key_schema()
    {
        Assert.Equal(
            (AggregatesKeySchema.PartitionKey, AggregatesKeySchema.SortKey, AggregatesKeySchema.KeyType),
            (DataStores.AggregatesPartitionKey, DataStores.AggregatesSortKey, DataStores.StringAttribute));
        Assert.Equal(
            (AggregatesKeySchema.PartitionKey, AggregatesKeySchema.SortKey),
            (AggregateItemCodec.PartitionKey, AggregateItemCodec.SortKey));
        Assert.Equal(
            [AggregatesKeySchema.PartitionKey, AggregatesKeySchema.SortKey],
            AggregateItemCodec.Key("DAY#2024-03-09", "FINAL").Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void The_pulumi_program_defines_the_aggregates_table_with_the_key_schema_constants()
    {
        var (path, text) = Repository.PulumiProgram().Single(f => f.Text.Contains("DataStores.AggregatesPartitionKey", StringComparison.Ordinal));
        Assert.Contains("HashKey = DataStores.AggregatesPartitionKey,", text, StringComparison.Ordinal);
        Assert.Contains("RangeKey = DataStores.AggregatesSortKey,", text, StringComparison.Ordinal);
        Assert.Contains("Name = DataStores.AggregatesPartitionKey, Type = DataStores.StringAttribute", text, StringComparison.Ordinal);
        Assert.Contains("Name = DataStores.AggregatesSortKey, Type = DataStores.StringAttribute", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"pk\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"sk\"", text, StringComparison.Ordinal);
        Assert.EndsWith("DataResources.cs", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_table_has_the_provisioned_key_and_holds_what_the_codec_writes()
    {
        using var dynamo = fixture.World.CreateDynamoDb();
        var name = $"key-schema-{Guid.NewGuid():N}";
        await LocalAwsWorld.CreateAggregatesTableAsync(dynamo, name, default);

        var table = (await dynamo.DescribeTableAsync(name)).Table;
        Assert.Equal(
            [(DataStores.AggregatesPartitionKey, "HASH"), (DataStores.AggregatesSortKey, "RANGE")],
            table.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)).ToArray());
        Assert.Equal(
            [(DataStores.AggregatesPartitionKey, DataStores.StringAttribute), (DataStores.AggregatesSortKey, DataStores.StringAttribute)],
            table.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)).OrderBy(a => a.AttributeName, StringComparer.Ordinal).ToArray());

        // The finalization table writes the first-day marker under the codec's key; the table accepts it only with its key.
        var finalization = new DynamoFinalizationTable(dynamo, name, DateTimeZone.Utc, TimeProvider.System);
        await finalization.RecordFirstDayAsync(new LocalDate(2024, 3, 9), default);
        Assert.Equal(new LocalDate(2024, 3, 9), await finalization.ReadFirstDayAsync(default));
        var stored = (await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = name,
            Key = AggregateItemCodec.Key(AggregateItemCodec.ServicePartition, AggregateItemCodec.FirstDay),
            ConsistentRead = true,
        })).Item;
        Assert.Equal("2024-03-09", stored[AggregateItemCodec.DateAttribute].S);
    }
}
