using System.Globalization;
using System.Net;
using System.Text;
using NodaTime.Text;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Functions.Api;

/// <summary>
/// The CloudWatch dashboard custom widget: an HTML table of today's running totals and the <see cref="PastDays"/> days
/// before it, each with its report revision (or "running" before the day is finalized), so the dashboard shows today
/// before the finalizer has published it. A day whose items cannot be read shows as an "unreadable" row with the reason.
/// Every text is HTML-escaped.
/// </summary>
internal sealed class TotalsWidget
{
    /// <summary>Days shown before today.</summary>
    public const int PastDays = 7;

    private readonly DayTotalsReader _days;

    /// <summary>The widget over the API's reads.</summary>
    public TotalsWidget(DayTotalsReader days) => _days = days;

    /// <summary>Reads today and the seven days before it and renders the table.</summary>
    public async Task<string> RenderAsync(WidgetEvent widget, CancellationToken cancellationToken)
    {
        var today = _days.Today;
        var days = await _days.ReadDaysAsync(today.PlusDays(-PastDays), today, cancellationToken).ConfigureAwait(false);
        return Render(days.Reverse().ToArray(), _days.ZoneId, widget.DashboardName);
    }

    /// <summary>The table for <paramref name="days"/> (newest first), captioned with the zone and the dashboard's name.</summary>
    public static string Render(IReadOnlyList<DayView> days, string zoneId, string? dashboardName)
    {
        var html = new StringBuilder(2048);
        var asOf = days.Count > 0 ? InstantPattern.General.Format(days[0].AsOf) : string.Empty;
        html.Append("<table><caption>Running totals by day in ").Append(Escape(zoneId));
        if (dashboardName is not null)
        {
            html.Append(" (").Append(Escape(dashboardName)).Append(')');
        }

        html.Append(", as of ").Append(Escape(asOf)).Append("</caption>");
        html.Append("<thead><tr><th>Day</th><th>Issued</th><th>Redeemed</th><th>Net</th><th>Issued count</th><th>Redeemed count</th><th>Report</th></tr></thead><tbody>");
        foreach (var day in days)
        {
            html.Append("<tr><td>").Append(Escape(IsoDate.Format(day.Date))).Append("</td>");
            if (day.UnreadableReason is { } reason)
            {
                // The other days still show: this row says why this one cannot.
                html.Append("<td colspan=\"6\">unreadable: ").Append(Escape(reason)).Append("</td></tr>");
                continue;
            }

            Cell(html, ReportNumber.Format(day.Totals.TotalIssued));
            Cell(html, ReportNumber.Format(day.Totals.TotalRedeemed));
            Cell(html, ReportNumber.Format(day.Totals.NetRewards));
            Cell(html, day.Totals.IssuedCount.ToString(CultureInfo.InvariantCulture));
            Cell(html, day.Totals.RedeemedCount.ToString(CultureInfo.InvariantCulture));
            html.Append("<td>").Append(day.FinalRevision is { } revision ? $"revision {revision.ToString(CultureInfo.InvariantCulture)}" : "running").Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static void Cell(StringBuilder html, string number) =>
        html.Append("<td style=\"text-align:right\">").Append(Escape(number)).Append("</td>");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The widget's response payload: the HTML as a JSON string (CloudWatch shows a string result as HTML).</summary>
    public static string ToResponseJson(string html) => ApiResponse.Json(json => json.WriteStringValue(html));
}
