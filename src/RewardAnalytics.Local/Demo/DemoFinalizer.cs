using System.Text.Json;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Lambda;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// The daily finalizer's real Lambda entry point (<see cref="DailyFinalizer.HandleAsync"/>), built from the local
/// world's environment as a cold start would be and driven by the demo's clock: the schedule's payload (<c>{}</c>)
/// or a person's <c>{"date":"YYYY-MM-DD"}</c> in, its JSON summary read back.
/// </summary>
internal sealed class DemoFinalizer : IDayFinalizer
{
    private readonly DailyFinalizer _function;
    private readonly S3ReportStore _reports;

    /// <summary>The real finalizer entry point, built from the local world's environment as a cold start would be.</summary>
    public DemoFinalizer(DemoEnvironment environment)
    {
        var variables = environment.World.Environment.ToDictionary(kv => kv.Key, kv => kv.Value);
        variables[FinalizerSettings.ReportTimeZoneVariable] = environment.TimeZone.Id;
        variables[FinalizerSettings.RecheckDaysVariable] = FinalizerSettings.DefaultRecheckDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var settings = FinalizerSettings.FromEnvironment(EnvironmentReader.From(variables));
        RecheckDays = settings.RecheckDays;
        // The demo plays Lambda: the finalizer's log is the function's log stream, which the verifier reads as CloudWatch would.
        _function = new DailyFinalizer(DailyFinalizer.Compose(
            EnvironmentReader.From(variables), environment.Clock, LambdaProcessOutput.For(environment.Log, EnvironmentReader.From(variables), environment.Clock),
            MetricsDelivery.LambdaLogStream));
        _reports = new S3ReportStore(environment.S3, settings.AnalyticsBucket, settings.ReportPrefix);
    }

    /// <summary><inheritdoc/></summary>
    public int RecheckDays { get; }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FinalizerDayResult>> FinalizeAsync(LocalDate? date, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(date is { } day ? FinalizeRequest.For(day) : FinalizeRequest.Scheduled(), writable: false);
        await using var response = await _function.HandleAsync(input).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(response, cancellationToken: cancellationToken).ConfigureAwait(false);
        return json.RootElement.GetProperty("days").EnumerateArray().Select(d => new FinalizerDayResult(
            IsoDate.TryParse(d.GetProperty("date").GetString(), out var parsed) ? parsed : throw new FormatException($"bad date in the finalizer's summary: {d}"),
            d.GetProperty("action").GetString() ?? string.Empty,
            d.TryGetProperty("revision", out var revision) ? revision.GetInt32() : 0,
            d.TryGetProperty("total_issued", out _) ? TotalsJson.Read(d) : null)).ToArray();
    }

    /// <summary><inheritdoc/></summary>
    public async Task<byte[]?> ReadReportAsync(LocalDate date, CancellationToken cancellationToken) =>
        (await _reports.GetAsync(date, cancellationToken).ConfigureAwait(false))?.Body;
}
