using System.Globalization;
using System.Text.Json;

namespace RewardAnalytics.Core.Tests.Events;

/// <summary>
/// Writes stream records as the tumbling-window event a DynamoDB event source mapping delivers (the shape of AWS's
/// documented examples): <c>Records</c>, <c>window</c>, <c>state</c>, <c>shardId</c>, <c>eventSourceARN</c> and the
/// window flags; a TTL expiry carries the service <c>userIdentity</c>.
/// </summary>
public static class StreamEventJson
{
    public const string StreamArn = "arn:aws:dynamodb:us-east-1:000000000000:table/rewards/stream/2024-01-01T00:00:00.000";

    public static byte[] Write(string shardId, IReadOnlyList<StreamRecord> records, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            foreach (var record in records)
            {
                WriteRecord(json, record);
            }

            json.WriteEndArray();
            json.WriteStartObject("window");
            json.WriteString("start", windowStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteString("end", windowEnd.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("state");
            json.WriteEndObject();
            json.WriteString("shardId", shardId);
            json.WriteString("eventSourceARN", StreamArn);
            json.WriteBoolean("isFinalInvokeForWindow", false);
            json.WriteBoolean("isWindowTerminatedEarly", false);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRecord(Utf8JsonWriter json, StreamRecord record)
    {
        json.WriteStartObject();
        json.WriteString("eventID", record.EventId);
        json.WriteString("eventName", record.EventName);
        json.WriteString("eventVersion", "1.1");
        json.WriteString("eventSource", "aws:dynamodb");
        json.WriteString("awsRegion", "us-east-1");
        json.WriteStartObject("dynamodb");
        json.WriteNumber("ApproximateCreationDateTime", record.ApproximateCreationDateTime.ToUnixTimeSeconds());
        json.WritePropertyName("Keys");
        AttributeValue.WriteItem(json, record.Keys);
        if (record.NewImage is not null)
        {
            json.WritePropertyName("NewImage");
            AttributeValue.WriteItem(json, record.NewImage);
        }

        if (record.OldImage is not null)
        {
            json.WritePropertyName("OldImage");
            AttributeValue.WriteItem(json, record.OldImage);
        }

        json.WriteString("SequenceNumber", record.SequenceNumber);
        json.WriteString("StreamViewType", "NEW_AND_OLD_IMAGES");
        json.WriteEndObject();
        json.WriteString("eventSourceARN", StreamArn);
        if (record.TtlExpiry)
        {
            json.WriteStartObject("userIdentity");
            json.WriteString("type", "Service");
            json.WriteString("principalId", "dynamodb.amazonaws.com");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
