using System.Globalization;
using System.Text.Json;

namespace RewardAnalytics.Core.Reporting;

/// <summary>
/// A daily report read by its JSON content, not its bytes: the six fields' values, whatever the whitespace or key order
/// (the old job's reports and this service's compare equal when their values do). Numbers keep their exact text.
/// </summary>
public sealed class ReportContent
{
    /// <summary>The six fields in the report's order.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        [ReportFields.Date, ReportFields.TotalIssued, ReportFields.TotalRedeemed, ReportFields.NetRewards, ReportFields.IssuedCount, ReportFields.RedeemedCount];

    private readonly Dictionary<string, JsonElement> _values;

    private ReportContent(Dictionary<string, JsonElement> values, string? problem)
    {
        _values = values;
        Problem = problem;
    }

    /// <summary>Why the body could not be read as a JSON object (null when it could).</summary>
    public string? Problem { get; }

    /// <summary>Reads a report body (UTF-8, a byte-order mark allowed); a body that is not a JSON object is kept with its <see cref="Problem"/>.</summary>
    public static ReportContent Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(Utf8Text.WithoutByteOrderMark(body));
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ReportContent([], $"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }

            return new ReportContent(values, null);
        }
        catch (JsonException ex)
        {
            return new ReportContent([], $"the body is not JSON ({ex.Message})");
        }
    }

    /// <summary>The field's value as JSON text (<c>1500.0</c>, <c>"2023-11-15"</c>), or null when the report lacks it.</summary>
    public string? Text(string field) => _values.TryGetValue(field, out var value) ? value.GetRawText() : null;

    /// <summary>
    /// Whether <paramref name="field"/> has the same value in both reports: strings by their characters, numbers as exact
    /// decimals (<c>1500</c> equals <c>1500.0</c>, <c>0.1</c> never equals <c>0.10000000000000001</c>). A field missing from either differs.
    /// </summary>
    public bool SameValue(ReportContent other, string field)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_values.TryGetValue(field, out var mine) || !other._values.TryGetValue(field, out var theirs))
        {
            return false;
        }

        return (mine.ValueKind, theirs.ValueKind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => ExactNumber(mine) is { } a && ExactNumber(theirs) is { } b && a == b,
            (JsonValueKind.String, JsonValueKind.String) => string.Equals(mine.GetString(), theirs.GetString(), StringComparison.Ordinal),
            _ => mine.ValueKind == theirs.ValueKind && mine.GetRawText() == theirs.GetRawText(),
        };
    }

    private static decimal? ExactNumber(JsonElement number) =>
        decimal.TryParse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
