namespace RewardAnalytics.Functions.Api;

/// <summary>A CloudWatch dashboard custom widget's request for its HTML; <paramref name="DashboardName"/> from its <c>widgetContext</c>.</summary>
internal sealed record WidgetEvent(string? DashboardName) : TotalsApiEvent;
