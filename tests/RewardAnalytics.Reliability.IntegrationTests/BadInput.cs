using RewardAnalytics.Core;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Reliability.IntegrationTests;

/// <summary>
/// One malformed input and its documented outcome: the record is skipped with <see cref="Reason"/> (the valid
/// record beside it still counts), the invocation fails with a message containing <see cref="FailureText"/> (and
/// writes nothing), or — for inputs that only look odd — it counts as <see cref="Counted"/>.
/// </summary>
internal sealed record BadInput(string Name, Func<int, byte[]> Payload)
{
    public SkipReason? Reason { get; init; }
    public string? FailureText { get; init; }
    public DailyTotals? Counted { get; init; }

    /// <summary>For a malformed record: what the log line's <c>problem</c> must contain.</summary>
    public string? Problem { get; init; }

    /// <summary>The sequence number the skipped record's log line carries (null: the bad record's own, sequence 2).</summary>
    public string? LoggedSequence { get; init; }

    public override string ToString() => Name;
}
