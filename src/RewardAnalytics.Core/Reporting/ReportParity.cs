using NodaTime;

namespace RewardAnalytics.Core.Reporting;

/// <summary>One day of a parity check: both reports' presence and, when both exist, every field that differs.</summary>
public sealed record ReportParity(LocalDate Date, bool BaselineExists, bool CandidateExists, IReadOnlyList<FieldDifference> Differences)
{
    /// <summary>True when both reports exist and every field has the same value.</summary>
    public bool Matches => BaselineExists && CandidateExists && Differences.Count == 0;

    /// <summary><c>match</c>, <c>differs</c>, <c>missing-baseline</c>, <c>missing-candidate</c> or <c>missing-both</c>.</summary>
    public string Result => (BaselineExists, CandidateExists) switch
    {
        (false, false) => "missing-both",
        (false, true) => "missing-baseline",
        (true, false) => "missing-candidate",
        _ => Differences.Count == 0 ? "match" : "differs",
    };

    /// <summary>
    /// Compares a day's two report bodies by content (null: no report): the six report fields, plus the whole body when one
    /// cannot be read as a JSON object. The <c>date</c> field must also name <paramref name="day"/>.
    /// </summary>
    public static ReportParity Compare(LocalDate day, byte[]? baseline, byte[]? candidate)
    {
        if (baseline is null || candidate is null)
        {
            return new ReportParity(day, baseline is not null, candidate is not null, []);
        }

        var b = ReportContent.Read(baseline);
        var c = ReportContent.Read(candidate);
        if (b.Problem is not null || c.Problem is not null)
        {
            return new ReportParity(day, true, true, [new FieldDifference("body", b.Problem ?? "readable", c.Problem ?? "readable")]);
        }

        var differences = ReportContent.Fields
            .Where(field => !b.SameValue(c, field))
            .Select(field => new FieldDifference(field, b.Text(field), c.Text(field)))
            .ToList();
        var expectedDate = $"\"{IsoDate.Format(day)}\"";
        if (!differences.Any(d => d.Field == ReportFields.Date) && b.Text(ReportFields.Date) != expectedDate)
        {
            // Both say the same wrong day (a report stored under another day's key).
            differences.Insert(0, new FieldDifference(ReportFields.Date, b.Text(ReportFields.Date), c.Text(ReportFields.Date)));
        }

        return new ReportParity(day, true, true, differences);
    }
}
