using System.Text.Json;
using NodaTime;
using RewardAnalytics.Core.Metrics;

namespace RewardAnalytics.Core.Tests.Metrics;

/// <summary>EMF lines are asserted by parsing what was written, as CloudWatch will.</summary>
public sealed class EmfWriterTests
{
    private static readonly Instant At = Instant.FromUtc(2023, 11, 15, 12, 0, 30);

    private static JsonElement WriteOne(string? environment, IReadOnlyList<EmfMetric> metrics, IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        using var output = new StringWriter();
        new EmfWriter(output, environment).Write(At, metrics, properties);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        return JsonDocument.Parse(lines[0]).RootElement.Clone();
    }

    [Fact]
    public void A_line_without_an_environment_declares_one_empty_dimension_set_and_puts_every_value_at_the_root()
    {
        var line = WriteOne(null, [new("TotalIssuedRewards", 1500.0m, MetricUnit.None), new("RecordsSkipped", 2, MetricUnit.Count)], [new("function", "finalizer")]);

        var aws = line.GetProperty("_aws");
        Assert.Equal(At.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("LoyaltyPlatform/Rewards", directive.GetProperty("Namespace").GetString());
        Assert.Equal("[[]]", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal(
            [("TotalIssuedRewards", "None"), ("RecordsSkipped", "Count")],
            directive.GetProperty("Metrics").EnumerateArray().Select(m => (m.GetProperty("Name").GetString(), m.GetProperty("Unit").GetString())));
        Assert.Equal(1500m, line.GetProperty("TotalIssuedRewards").GetDecimal());
        Assert.Equal(2m, line.GetProperty("RecordsSkipped").GetDecimal());
        Assert.Equal("finalizer", line.GetProperty("function").GetString());
        Assert.False(line.TryGetProperty("Environment", out _));
    }

    [Fact]
    public void A_line_with_an_environment_declares_it_as_the_one_dimension_and_gives_its_value_at_the_root()
    {
        var line = WriteOne("prod", [new("NetRewards", -88.16m, MetricUnit.None)]);

        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("[[\"Environment\"]]", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal("prod", line.GetProperty("Environment").GetString());
        Assert.Equal(-88.16m, line.GetProperty("NetRewards").GetDecimal());
    }

    [Fact]
    public void A_blank_environment_adds_no_dimension()
    {
        var line = WriteOne("  ", [new("NetRewards", 0m, MetricUnit.None)]);

        Assert.Equal("[[]]", line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions").GetRawText());
    }
}
