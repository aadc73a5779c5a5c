using System.Globalization;
using System.Text.Json;
using NodaTime;
using RewardAnalytics.Core;

namespace RewardAnalytics.Benchmarks;

/// <summary>
/// The straightforward way, as a baseline: deserialize the whole event into a POCO model with the reflection-based
/// <see cref="JsonSerializer"/> (the shape Amazon.Lambda.DynamoDBEvents uses), then fold with string parsing.
/// </summary>
public static class ReflectionModel
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = false };

    public static Dictionary<LocalDate, DailyTotals> Fold(Stream utf8Json, DateTimeZone zone)
    {
        var evt = JsonSerializer.Deserialize<TimeWindowEvent>(utf8Json, Options)!;
        var days = new Dictionary<LocalDate, DailyTotals>();
        foreach (var record in evt.Records)
        {
            var ttl = record.userIdentity?.type == "Service" && record.userIdentity.principalId == "dynamodb.amazonaws.com";
            if (ttl)
            {
                continue;
            }

            if (record.eventName != "INSERT" && Read(record.dynamodb.OldImage, zone) is { } old)
            {
                days[old.Day] = days.GetValueOrDefault(old.Day) - old.Totals;
            }

            if (record.eventName != "REMOVE" && Read(record.dynamodb.NewImage, zone) is { } added)
            {
                days[added.Day] = days.GetValueOrDefault(added.Day) + added.Totals;
            }
        }

        return days;
    }

    private static (LocalDate Day, DailyTotals Totals)? Read(Dictionary<string, AttributeValueModel>? image, DateTimeZone zone)
    {
        if (image is null || !image.TryGetValue("type", out var type) || !image.TryGetValue("amount", out var amount) ||
            !image.TryGetValue("createdAt", out var created) || amount.N is null || created.S is null)
        {
            return null;
        }

        var kind = string.Equals(type.S, "ISSUED", StringComparison.OrdinalIgnoreCase) ? RewardKind.Issued : RewardKind.Redeemed;
        var value = decimal.Parse(amount.N, NumberStyles.Float, CultureInfo.InvariantCulture);
        var instant = Instant.FromDateTimeOffset(DateTimeOffset.Parse(created.S, CultureInfo.InvariantCulture));
        return (instant.InZone(zone).Date, DailyTotals.Of(kind, value));
    }

#pragma warning disable IDE1006, CA1002, CA2227 // the wire names, as a POCO model has them
    public sealed class TimeWindowEvent
    {
        public List<RecordModel> Records { get; set; } = [];
        public string? shardId { get; set; }
        public string? eventSourceARN { get; set; }
        public Dictionary<string, string>? window { get; set; }
        public Dictionary<string, string>? state { get; set; }
        public bool isFinalInvokeForWindow { get; set; }
        public bool isWindowTerminatedEarly { get; set; }
    }

    public sealed class RecordModel
    {
        public string? eventID { get; set; }
        public string? eventName { get; set; }
        public string? eventVersion { get; set; }
        public string? eventSource { get; set; }
        public string? awsRegion { get; set; }
        public string? eventSourceARN { get; set; }
        public StreamRecordModel dynamodb { get; set; } = new();
        public IdentityModel? userIdentity { get; set; }
    }

    public sealed class StreamRecordModel
    {
        public double ApproximateCreationDateTime { get; set; }
        public Dictionary<string, AttributeValueModel>? Keys { get; set; }
        public Dictionary<string, AttributeValueModel>? NewImage { get; set; }
        public Dictionary<string, AttributeValueModel>? OldImage { get; set; }
        public string? SequenceNumber { get; set; }
        public long SizeBytes { get; set; }
        public string? StreamViewType { get; set; }
    }

    public sealed class IdentityModel
    {
        public string? type { get; set; }
        public string? principalId { get; set; }
    }

    public sealed class AttributeValueModel
    {
        public string? S { get; set; }
        public string? N { get; set; }
        public bool? BOOL { get; set; }
        public bool? NULL { get; set; }
        public List<AttributeValueModel>? L { get; set; }
        public Dictionary<string, AttributeValueModel>? M { get; set; }
    }
#pragma warning restore IDE1006, CA1002, CA2227
}
