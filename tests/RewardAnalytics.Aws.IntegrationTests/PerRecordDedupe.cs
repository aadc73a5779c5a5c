using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Aws.IntegrationTests;

/// <summary>
/// The naive exactly-once design, for comparison only: a conditional dedupe item per stream record, then an update of
/// the day's counters. Two writes per record, and the dedupe items grow without bound.
/// </summary>
internal static class PerRecordDedupe
{
    public static async Task ApplyAsync(IAmazonDynamoDB dynamo, string table, StreamRecord record)
    {
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new() { S = "EVENT#" + record.EventId },
                    ["sk"] = new() { S = "SEEN" },
                },
                ConditionExpression = "attribute_not_exists(pk)",
            });
        }
        catch (ConditionalCheckFailedException)
        {
            return;
        }

        await dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "DAY#2024-03-09" }, ["sk"] = new() { S = "TOTAL" } },
            UpdateExpression = "ADD total_issued :a, issued_count :one",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":a"] = new() { N = record.NewImage?["amount"].N ?? "0" },
                [":one"] = new() { N = "1" },
            },
        });
    }
}
