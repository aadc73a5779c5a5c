using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>Skip reasons' names are a contract: stable snake_case that parses back.</summary>
public sealed class SkipReasonsTests
{
    [Fact]
    public void Skip_reasons_have_stable_snake_case_names_that_parse_back()
    {
        var names = SkipReasons.All.Select(r => r.Name()).ToArray();

        Assert.Equal(
            [
                "missing_new_image", "missing_old_image", "unknown_event_name", "duplicate_attribute", "type_missing", "type_not_string",
                "type_unknown", "amount_missing", "amount_not_number", "amount_invalid", "amount_negative", "amount_out_of_range",
                "amount_too_precise", "created_at_missing", "created_at_wrong_type", "created_at_invalid", "created_at_out_of_range",
                "record_malformed",
            ],
            names);
        Assert.All(SkipReasons.All, r => Assert.True(SkipReasons.TryParse(r.Name(), out var back) && back == r));
        Assert.False(SkipReasons.TryParse("none", out _));
    }
}
