using System.Globalization;
using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// What a person is told about a day whose metrics a run outside Lambda could not publish: why not, and what will
/// publish them (the deployed finalizer's scheduled run while it still re-checks the day, or invoking it for the day).
/// </summary>
public static class MetricsNotice
{
    /// <summary>The stack output naming the deployed finalizer function.</summary>
    public const string FunctionNameOutput = "dailyFinalizerFunctionName";

    /// <summary>The command that has the deployed finalizer check <paramref name="day"/> now (and publish its pending metrics).</summary>
    public static string InvokeCommand(LocalDate day) =>
        $"aws lambda invoke --function-name \"$(pulumi stack output {FunctionNameOutput})\" --cli-binary-format raw-in-base64-out " +
        $"--payload '{{\"date\":\"{IsoDate.Format(day)}\"}}' response.json";

    /// <summary>Why <paramref name="day"/>'s metrics are not published and what publishes them, with the finalizer re-checking <paramref name="recheckDays"/> days.</summary>
    public static string WhatPublishes(LocalDate day, int recheckDays) => string.Create(CultureInfo.InvariantCulture,
        $"this run is outside Lambda, where EMF lines reach no CloudWatch, so FINAL records them as not published. " +
        $"The deployed finalizer publishes them when it next checks the day: its scheduled runs do up to the one at 00:05 on " +
        $"{IsoDate.Format(day.PlusDays(recheckDays + 1))} (RECHECK_DAYS={recheckDays}), or now: {InvokeCommand(day)}; " +
        $"CloudWatch accepts them until {IsoDate.Format(day.PlusDays(13))}");
}
