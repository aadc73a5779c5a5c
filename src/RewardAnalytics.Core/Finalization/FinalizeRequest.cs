using System.Text.Json;
using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// Reads the finalizer's payload. The scheduler sends any JSON (no date: finalize yesterday); a manual run sends
/// <c>{"date":"YYYY-MM-DD"}</c>. A <c>date</c> that is present but not a calendar date is refused, never ignored.
/// </summary>
public static class FinalizeRequest
{
    /// <summary>The payload property naming the day to finalize.</summary>
    public const string DateProperty = "date";

    /// <summary>The day the payload asks for, or null when it names none (finalize yesterday).</summary>
    /// <exception cref="FinalizationRequestException">The payload is not JSON, or its <c>date</c> is not a calendar date.</exception>
    public static LocalDate? ReadDate(ReadOnlySpan<byte> payload)
    {
        payload = Utf8Text.WithoutByteOrderMark(payload);
        if (payload.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(payload);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new FinalizationRequestException($"the payload is not JSON ({ex.Message}): expected {{\"date\":\"YYYY-MM-DD\"}} or any JSON without a date", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty(DateProperty, out var date) ||
                date.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var text = date.ValueKind == JsonValueKind.String ? date.GetString() : date.GetRawText();
            if (IsoDate.TryParse(text, out var day) && !CreatedAt.IsRewardDay(day))
            {
                throw new FinalizationRequestException($"\"date\" is {date.GetRawText()}: expected {CreatedAt.RewardDayRange}");
            }

            return IsoDate.TryParse(text, out day)
                ? day
                : throw new FinalizationRequestException($"\"date\" is {date.GetRawText()}: expected a calendar date as \"YYYY-MM-DD\", e.g. \"2023-11-15\"");
        }
    }

    /// <summary>What EventBridge Scheduler sends at 00:05: any JSON without a date (the finalizer takes yesterday).</summary>
    public static byte[] Scheduled() => "{}"u8.ToArray();

    /// <summary>A person's request to finalize <paramref name="day"/> (what <c>finalize --date</c> sends).</summary>
    public static byte[] For(LocalDate day) => System.Text.Encoding.UTF8.GetBytes($"{{\"date\":\"{IsoDate.Format(day)}\"}}");
}
