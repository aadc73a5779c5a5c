using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Core.Tests.Aggregation;
using static RewardAnalytics.Functions.Tests.FunctionEvents;

namespace RewardAnalytics.Functions.Tests;

/// <summary>
/// What the entry point writes does not depend on how the event was laid out, and an event from a misconfigured stream
/// fails the invocation instead of being skipped.
/// </summary>
public sealed class EventLayoutTests : IDisposable
{
    private readonly InMemoryAggregatesTable _table = new();
    private readonly StringWriter _log = new() { NewLine = "\n" };
    private readonly StreamAggregator _function;

    public EventLayoutTests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 9, 26, 0, TimeSpan.Zero));
        _function = new StreamAggregator(new StreamAggregation(new AggregatorSettings { AggregatesTable = "aggregates" }, _table, clock, _log));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_pretty_printed_event_gives_one_complete_JSON_document_per_log_line(string lineBreak)
    {
        // Every property on a line of its own, as an editor's "format document" leaves it: the skipped BONUS record's keys span five lines.
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PrettyPrinted(Fixture("tumbling-window-event.json")).ReplaceLineEndings(lineBreak)));

        await using var response = await _function.HandleAsync(input);

        var lines = _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the skipped record and the EMF line
        Assert.All(lines, line =>
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        });
        using var skipped = JsonDocument.Parse(lines[0]);
        Assert.Equal("""{"rewardId":{"S":"r-0003"}}""", skipped.RootElement.GetProperty("keys").GetRawText());
    }

    [Theory]
    [InlineData("KEYS_ONLY")]
    [InlineData("OLD_IMAGE")]
    public async Task An_event_from_a_stream_without_new_and_old_images_fails_the_invocation_naming_the_view_type(string viewType)
    {
        var json = System.Text.Encoding.UTF8.GetString(Fixture("tumbling-window-event.json"))
            .Replace("\"NEW_AND_OLD_IMAGES\"", $"\"{viewType}\"", StringComparison.Ordinal)
            .Replace("\"NewImage\"", "\"Ignored\"", StringComparison.Ordinal);
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var error = await Assert.ThrowsAsync<StreamEventFormatException>(() => _function.HandleAsync(input));

        Assert.Contains($"its stream's StreamViewType is {viewType}, and the aggregator needs NEW_AND_OLD_IMAGES", error.Message, StringComparison.Ordinal);
        Assert.Empty(_table.Writes);
    }

    public void Dispose() => _log.Dispose();

    private static string PrettyPrinted(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
