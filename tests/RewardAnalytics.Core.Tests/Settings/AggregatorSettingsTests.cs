using NodaTime;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Core.Tests.Settings;

/// <summary>Settings come from the environment into one record; every problem is named in one message.</summary>
public sealed class AggregatorSettingsTests
{
    private static AggregatorSettings FromEnvironment(params (string Name, string Value)[] variables) =>
        AggregatorSettings.FromEnvironment(EnvironmentReader.From(variables.ToDictionary(v => v.Name, v => v.Value)));

    [Fact]
    public void Only_the_aggregates_table_is_required_and_the_rest_default()
    {
        var settings = FromEnvironment(("AGGREGATES_TABLE", "reward-aggregates"));

        Assert.Equal("reward-aggregates", settings.AggregatesTable);
        Assert.Equal(DateTimeZone.Utc, settings.ReportTimeZone);
        Assert.Equal(("type", "amount", "createdAt"), (settings.Schema.TypeAttribute, settings.Schema.AmountAttribute, settings.Schema.CreatedAtAttribute));
        Assert.Null(settings.MetricsEnvironment);
    }

    [Fact]
    public void Every_setting_is_read_from_its_variable_and_trimmed()
    {
        var settings = FromEnvironment(
            ("AGGREGATES_TABLE", " aggregates-dev "),
            ("REPORT_TIME_ZONE", "Asia/Kolkata"),
            ("REWARD_TYPE_ATTRIBUTE", "kind"),
            ("REWARD_AMOUNT_ATTRIBUTE", "points"),
            ("REWARD_CREATED_AT_ATTRIBUTE", "issuedAt"),
            ("METRICS_ENVIRONMENT", "dev"));

        Assert.Equal("aggregates-dev", settings.AggregatesTable);
        Assert.Equal(DateTimeZoneProviders.Tzdb["Asia/Kolkata"], settings.ReportTimeZone);
        Assert.Equal(("kind", "points", "issuedAt"), (settings.Schema.TypeAttribute, settings.Schema.AmountAttribute, settings.Schema.CreatedAtAttribute));
        Assert.Equal("dev", settings.MetricsEnvironment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_aggregates_table_is_named(string value)
    {
        var error = Assert.Throws<SettingsException>(() => FromEnvironment(("AGGREGATES_TABLE", value)));

        Assert.Equal("Invalid settings: AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table", error.Message);
    }

    [Fact]
    public void A_time_zone_that_is_not_an_IANA_id_is_named_never_replaced_by_UTC()
    {
        var error = Assert.Throws<SettingsException>(() => FromEnvironment(("AGGREGATES_TABLE", "t"), ("REPORT_TIME_ZONE", "EST5EDT-ish")));

        Assert.Equal(
            "Invalid settings: REPORT_TIME_ZONE is 'EST5EDT-ish': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'",
            error.Message);
    }

    [Fact]
    public void Every_problem_is_named_in_one_message()
    {
        var error = Assert.Throws<SettingsException>(() => FromEnvironment(
            ("REPORT_TIME_ZONE", "Mars/Olympus_Mons"),
            ("REWARD_AMOUNT_ATTRIBUTE", new string('a', 256))));

        Assert.Equal(
            [
                "AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table",
                "REPORT_TIME_ZONE is 'Mars/Olympus_Mons': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'",
                "REWARD_AMOUNT_ATTRIBUTE is 256 characters long: expected an attribute name of at most 255 characters",
            ],
            error.Problems);
        Assert.Equal("Invalid settings: " + string.Join("; ", error.Problems), error.Message);
    }

    [Fact]
    public void A_whole_number_setting_outside_its_range_is_named_with_the_range()
    {
        var reader = EnvironmentReader.From(new Dictionary<string, string> { ["RECHECK_DAYS"] = "31" });

        var value = reader.Integer("RECHECK_DAYS", 3, 0, 30);
        var error = Assert.Throws<SettingsException>(reader.ThrowIfInvalid);

        Assert.Equal(3, value);
        Assert.Equal("Invalid settings: RECHECK_DAYS is '31': expected a whole number from 0 to 30", error.Message);
    }

    [Fact]
    public void Two_reward_settings_naming_the_same_attribute_are_refused_at_start_up_naming_both()
    {
        var error = Assert.Throws<SettingsException>(() => FromEnvironment(("AGGREGATES_TABLE", "aggregates"), ("REWARD_AMOUNT_ATTRIBUTE", "type")));

        Assert.Contains(
            "REWARD_AMOUNT_ATTRIBUTE is 'type', the same attribute as REWARD_TYPE_ATTRIBUTE: expected different attribute names for a reward's type, amount and createdAt",
            error.Message,
            StringComparison.Ordinal);
    }
}
