using System.Globalization;
using System.Text.Json;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Local.Demo;
using Spectre.Console;

namespace RewardAnalytics.Cli;

/// <summary>The demo's result for people (a table per day, the checks, a summary line) and as one JSON document.</summary>
public static class DemoReport
{
    /// <summary>The width given to output that is not a terminal: no line is ever wrapped.</summary>
    public const int UnwrappedWidth = 100_000;

    /// <summary>A Spectre console on <paramref name="output"/>; output that is not a terminal is never wrapped.</summary>
    public static IAnsiConsole Console(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });
        if (!console.Profile.Out.IsTerminal)
        {
            // Redirected output (a file, a pipe, CI's log) has no width of its own: a line is as long as it is, so that
            // grep, diff and a wider window see it whole. Spectre wraps text at the profile's width.
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>The progress line shown while the demo is in <paramref name="stage"/>.</summary>
    public static string Describe(DemoStage stage, DemoOptions options) => stage switch
    {
        DemoStage.Starting => "starting dynalite + s3rver",
        DemoStage.Writing => string.Create(CultureInfo.InvariantCulture, $"writing {options.Workload.Rewards:N0} rewards"),
        DemoStage.Streaming => $"streaming to the aggregator{(options.Faults ? " (faults on)" : "")}",
        DemoStage.Finalizing => "finalizing days",
        _ => "verifying against a full scan",
    };

    /// <summary>The day table, the checks and the summary line.</summary>
    public static void Render(IAnsiConsole console, DemoResult result)
    {
        // Compact enough for an 80-column terminal: a day is one line.
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("day").PadLeft(0).NoWrap());
        foreach (var header in new[] { "issued", "redeemed", "net", "issued #", "redeem. #", "late", "rev.", "✔" })
        {
            table.AddColumn(new TableColumn(header).RightAligned().PadLeft(0).PadRight(1).NoWrap());
        }

        foreach (var day in result.Days)
        {
            var t = day.Truth;
            table.AddRow(
                IsoDate.Format(day.Date), ReportNumber.Format(t.TotalIssued), ReportNumber.Format(t.TotalRedeemed), ReportNumber.Format(t.NetRewards),
                Count(t.IssuedCount), Count(t.RedeemedCount), Count(day.LateRecords),
                day.Revision is { } r ? r.ToString(CultureInfo.InvariantCulture) : "–",
                day.Matches ? "[green]✔[/]" : "[red]✘[/]");
        }

        console.Write(table);
        foreach (var day in result.Days.Where(d => !d.Matches))
        {
            console.MarkupLine($"  [red]✘[/] {Markup.Escape(IsoDate.Format(day.Date))}: " + Markup.Escape(
                $"ground truth {day.Truth}; running totals {day.Running}; report {day.Report?.ToString() ?? "none"}{(day.ReportBytesMatch ? "" : " (bytes differ)")}; " +
                $"revision {day.Revision?.ToString(CultureInfo.InvariantCulture) ?? "none"}, expected {day.ExpectedRevision}"));
        }

        foreach (var check in result.Checks)
        {
            console.MarkupLine($"  {(check.Passed ? "[green]✔[/]" : "[red]✘[/]")} {Markup.Escape($"{check.Name}: {check.Detail}")}");
        }

        console.WriteLine();
        console.WriteLine(Summary(result.Figures));
        console.MarkupLine(result.AllMatched
            ? "[green]All checks matched.[/]"
            : $"[red]MISMATCH: {result.Days.Count(d => !d.Matches)} day(s) and {result.Checks.Count(c => !c.Passed)} check(s) did not match.[/]");
    }

    /// <summary>The exit code of a demo run: 0 only if every check matched.</summary>
    public static int ExitCode(DemoResult result) => result.AllMatched ? ExitCodes.Success : ExitCodes.Failed;

    /// <summary>The exit code of a soak: 0 only if no round found a mismatch.</summary>
    public static int ExitCode(SoakSummary summary) => summary.AllMatched ? ExitCodes.Success : ExitCodes.Failed;

    /// <summary>The soak's opening line: the workload of each round, faults on or off, and for how long.</summary>
    public static string SoakStarting(DemoOptions options, TimeSpan duration) => string.Create(CultureInfo.InvariantCulture,
        $"soak: demo rounds of {options.Workload.Rewards:N0} writes over {options.Workload.Days} day(s), faults {(options.Faults ? "on" : "off")}, for {duration.TotalMinutes:0.##} min");

    /// <summary>A soak round's line, then a <c>MISMATCH</c> line for each day and check that did not match.</summary>
    public static void WriteSoakRound(TextWriter output, SoakRound round)
    {
        var f = round.Result.Figures;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round.Round} (seed {round.Seed}): {f.RecordsStreamed:N0} records, {f.Invocations:N0} invocations, {f.DuplicatesAbsorbed:N0} duplicates absorbed, " +
            $"{f.FinalizerRuns} finalizer runs, {round.Result.Days.Count} days verified; mismatches {round.Mismatches}, running mismatch count {round.MismatchesSoFar} " +
            $"[{round.Elapsed:h\\:mm\\:ss}]"));
        foreach (var day in round.Result.Days.Where(d => !d.Matches))
        {
            output.WriteLine($"  MISMATCH {IsoDate.Format(day.Date)}: running {day.Running}, report {day.Report?.ToString() ?? "none"}, ground truth {day.Truth}");
        }

        foreach (var check in round.Result.Checks.Where(c => !c.Passed))
        {
            output.WriteLine($"  MISMATCH {check.Name}: {check.Detail}");
        }
    }

    /// <summary>The soak's closing line: rounds, records, finalizer runs, time and the mismatch count (FAILED when any).</summary>
    public static string SoakDone(SoakSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"soak done: {summary.Rounds} rounds, {summary.RecordsStreamed:N0} records, {summary.FinalizerRuns:N0} finalizer runs in {summary.Elapsed:h\\:mm\\:ss}; " +
        $"mismatches {summary.Mismatches}{(summary.AllMatched ? " (all rounds matched)" : " (FAILED)")}");

    /// <summary>One line of the run's figures: records, invocations, retries, duplicates absorbed, writes per 1,000 records, time.</summary>
    public static string Summary(DemoFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"records streamed {f.RecordsStreamed:N0} · invocations {f.Invocations:N0} · retries {f.Retries:N0} · duplicates absorbed {f.DuplicatesAbsorbed:N0} · " +
        $"DynamoDB writes per 1,000 records {f.WritesPerThousandRecords:N1} · elapsed {f.Elapsed.TotalSeconds:N1} s");

    /// <summary>The whole result (options, figures, days, checks) as indented JSON.</summary>
    public static string Json(DemoResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var o = result.Options;
            json.WriteStartObject();
            json.WriteBoolean("allMatched", result.AllMatched);
            json.WriteStartObject("options");
            json.WriteNumber("rewards", o.Workload.Rewards);
            json.WriteNumber("days", o.Workload.Days);
            json.WriteNumber("shards", o.Shards);
            json.WriteNumber("seed", o.Workload.Seed);
            json.WriteString("timeZone", o.Workload.TimeZone.Id);
            json.WriteBoolean("faults", o.Faults);
            json.WriteEndObject();
            json.WriteStartArray("days");
            foreach (var day in result.Days)
            {
                json.WriteStartObject();
                json.WriteString("date", IsoDate.Format(day.Date));
                TotalsJson.Write(json, day.Truth);
                json.WriteStartObject("running");
                TotalsJson.Write(json, day.Running);
                json.WriteEndObject();
                json.WriteBoolean("reportMatches", day.ReportBytesMatch);
                WriteNullable(json, "revision", day.Revision);
                json.WriteNumber("expectedRevision", day.ExpectedRevision);
                json.WriteNumber("lateRecords", day.LateRecords);
                json.WriteBoolean("matches", day.Matches);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("checks");
            foreach (var check in result.Checks)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteBoolean("passed", check.Passed);
                json.WriteString("detail", check.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var f = result.Figures;
            json.WriteStartObject("summary");
            json.WriteNumber("workloadWrites", f.WorkloadWrites);
            json.WriteNumber("recordsStreamed", f.RecordsStreamed);
            json.WriteNumber("poisonRecords", f.PoisonRecords);
            json.WriteNumber("invocations", f.Invocations);
            json.WriteNumber("retries", f.Retries);
            json.WriteNumber("bisections", f.Bisections);
            json.WriteNumber("partialBatchRetries", f.PartialBatchRetries);
            json.WriteNumber("duplicateDeliveries", f.DuplicateDeliveries);
            json.WriteNumber("crashesInjected", f.CrashesInjected);
            json.WriteNumber("throttlesInjected", f.ThrottlesInjected);
            json.WriteNumber("duplicatesAbsorbed", f.DuplicatesAbsorbed);
            json.WriteNumber("dynamoDbWrites", f.DynamoDbWrites);
            json.WriteNumber("dynamoDbWritesPer1000Records", Math.Round(f.WritesPerThousandRecords, 1));
            json.WriteNumber("watermarkReads", f.WatermarkReads);
            json.WriteNumber("recordsSkipped", f.SkippedRecords);
            json.WriteNumber("recordsSentToOnFailureDestination", f.RecordsSentToOnFailureDestination);
            json.WriteNumber("finalizerRuns", f.FinalizerRuns);
            json.WriteNumber("elapsedSeconds", Math.Round(f.Elapsed.TotalSeconds, 1));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
