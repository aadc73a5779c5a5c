namespace RewardAnalytics.Core.StreamEvents;

/// <summary>Stable snake_case names of <see cref="SkipReason"/> for logs, metrics and JSON.</summary>
public static class SkipReasons
{
    private static readonly string[] Names =
    [
        "none",
        "missing_new_image",
        "missing_old_image",
        "unknown_event_name",
        "duplicate_attribute",
        "type_missing",
        "type_not_string",
        "type_unknown",
        "amount_missing",
        "amount_not_number",
        "amount_invalid",
        "amount_negative",
        "amount_out_of_range",
        "amount_too_precise",
        "created_at_missing",
        "created_at_wrong_type",
        "created_at_invalid",
        "created_at_out_of_range",
        "record_malformed",
    ];

    /// <summary>Every reason a record can be skipped for (without <see cref="SkipReason.None"/>), in declaration order.</summary>
    public static IReadOnlyList<SkipReason> All { get; } = Enum.GetValues<SkipReason>().Where(r => r != SkipReason.None).ToArray();

    /// <summary>The reason's stable snake_case name, e.g. <c>amount_negative</c>.</summary>
    public static string Name(this SkipReason reason) => Names[(int)reason];

    /// <summary>The reason a snake_case name stands for; false for unknown names and for <c>none</c>.</summary>
    public static bool TryParse(string name, out SkipReason reason)
    {
        var i = Array.IndexOf(Names, name);
        reason = i > 0 ? (SkipReason)i : SkipReason.None;
        return i > 0;
    }
}
