using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Core.Days;

/// <summary>
/// The JSON text of a day read (<see cref="DayView"/>, <see cref="DayRangeView"/>): compact, non-ASCII kept as is, so a
/// reason or a zone name reads as it was written. The totals API sends it as its body and <c>totals --json</c> prints it.
/// </summary>
internal static class DayJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text <paramref name="write"/> produces.</summary>
    public static string Text(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
