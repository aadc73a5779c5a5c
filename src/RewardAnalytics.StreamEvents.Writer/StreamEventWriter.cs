using System.Text.Json;

namespace RewardAnalytics.StreamEvents.Writer;

/// <summary>
/// Writes a batch of stream records as the Lambda event a DynamoDB event source mapping with a tumbling window
/// delivers: <c>Records</c>, <c>window</c>, <c>state</c>, <c>shardId</c>, <c>eventSourceARN</c>,
/// <c>isFinalInvokeForWindow</c>, <c>isWindowTerminatedEarly</c>. Shaped like AWS's documented examples.
/// </summary>
public static class StreamEventWriter
{
    /// <summary>The stream ARN put on records when the caller gives none (a made-up stream of a table named <c>rewards</c>).</summary>
    public const string DefaultStreamArn = "arn:aws:dynamodb:us-east-1:000000000000:table/rewards/stream/2024-01-01T00:00:00.000";

    /// <summary>The UTF-8 bytes of the tumbling-window event for <paramref name="records"/> of shard <paramref name="shardId"/> in window [<paramref name="windowStart"/>, <paramref name="windowEnd"/>).</summary>
    public static byte[] Write(
        string shardId,
        IEnumerable<StreamEventRecord> records,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        bool isFinalInvokeForWindow = false,
        string streamArn = DefaultStreamArn)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            foreach (var record in records)
            {
                WriteRecord(json, record, streamArn);
            }

            json.WriteEndArray();
            json.WriteStartObject("window");
            json.WriteString("start", windowStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("end", windowEnd.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("state");
            json.WriteEndObject();
            json.WriteString("shardId", shardId);
            json.WriteString("eventSourceARN", streamArn);
            json.WriteBoolean("isFinalInvokeForWindow", isFinalInvokeForWindow);
            json.WriteBoolean("isWindowTerminatedEarly", false);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRecord(Utf8JsonWriter json, StreamEventRecord record, string streamArn)
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
        DynamoJson.WriteItem(json, record.Keys);
        if (record.NewImage is not null)
        {
            json.WritePropertyName("NewImage");
            DynamoJson.WriteItem(json, record.NewImage);
        }

        if (record.OldImage is not null)
        {
            json.WritePropertyName("OldImage");
            DynamoJson.WriteItem(json, record.OldImage);
        }

        json.WriteString("SequenceNumber", record.SequenceNumber);
        json.WriteNumber("SizeBytes", record.SizeBytes);
        json.WriteString("StreamViewType", "NEW_AND_OLD_IMAGES");
        json.WriteEndObject();
        json.WriteString("eventSourceARN", streamArn);
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
