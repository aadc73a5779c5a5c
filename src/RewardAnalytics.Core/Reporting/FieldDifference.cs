namespace RewardAnalytics.Core.Reporting;

/// <summary>A field whose value differs: its JSON text in the baseline and in the candidate (null: missing).</summary>
public sealed record FieldDifference(string Field, string? Baseline, string? Candidate);
