using System.CommandLine;
using NodaTime;
using RewardAnalytics.Core;

namespace RewardAnalytics.Cli.Commands;

/// <summary>The <c>--from D --to D</c> pair of the commands that work on a range of days, parsed into one interval.</summary>
internal sealed class DayRangeOptions
{
    /// <summary>The pair; <paramref name="fromDescription"/> and <paramref name="toDescription"/> are their help texts.</summary>
    public DayRangeOptions(string fromDescription, string toDescription)
    {
        From = new Option<string>("--from") { Description = fromDescription, Required = true, HelpName = "YYYY-MM-DD" };
        To = new Option<string>("--to") { Description = toDescription, Required = true, HelpName = "YYYY-MM-DD" };
    }

    /// <summary>The first day.</summary>
    public Option<string> From { get; }

    /// <summary>The last day (inclusive).</summary>
    public Option<string> To { get; }

    /// <summary>The days from <see cref="From"/> to <see cref="To"/>, both included.</summary>
    /// <exception cref="UsageException">A date is malformed, or <c>--to</c> is before <c>--from</c>.</exception>
    public DateInterval Parse(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Parse(parse.GetValue(From), parse.GetValue(To));
    }

    /// <summary>The days from <paramref name="fromText"/> to <paramref name="toText"/> (the values of <c>--from</c> and <c>--to</c>), both included.</summary>
    /// <exception cref="UsageException">A date is missing or malformed, or <c>--to</c> is before <c>--from</c>.</exception>
    public static DateInterval Parse(string? fromText, string? toText)
    {
        var from = CliInput.Date(fromText, "--from");
        var to = CliInput.Date(toText, "--to");
        return to < from
            ? throw new UsageException($"--to is {IsoDate.Format(to)}, before --from {IsoDate.Format(from)}: expected --from <= --to")
            : new DateInterval(from, to);
    }
}
