using System.CommandLine;
using System.CommandLine.Parsing;

namespace RewardAnalytics.Cli;

/// <summary>
/// A command line the parser refused, said in the CLI's own words: an unknown command or option with the nearest
/// one suggested, a value of the wrong form as "expected a number" (never a .NET type name), a missing command
/// with the ones there are.
/// </summary>
internal static class ParseErrors
{
    /// <summary>The one-line description of <paramref name="parse"/>'s first problem.</summary>
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens.Count > 0 ? parse.UnmatchedTokens[0] : null;
        if (unmatched is not null)
        {
            return unmatched.StartsWith('-')
                ? $"unknown option '{unmatched}' for '{PathOf(parse.CommandResult)}'{Suggest(unmatched, command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)))}"
                : command.Subcommands.Count > 0
                    ? $"unknown command '{unmatched}'{Suggest(unmatched, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
                    : $"unexpected argument '{unmatched}' for '{PathOf(parse.CommandResult)}'";
        }

        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            return $"'{PathOf(parse.CommandResult)}' needs a command: expected one of {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }

        var error = parse.Errors[0];
        if (error.SymbolResult is OptionResult option && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            return $"{option.Option.Name} is '{(option.Tokens.Count > 0 ? option.Tokens[0].Value : "")}': expected {Expected(option.Option.ValueType)}";
        }

        return error.Message;
    }

    /// <summary>The command as a user types it: <c>reward-analytics invoke aggregate</c>.</summary>
    public static string PathOf(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Parent: not null } c; result = c.Parent)
        {
            names.Add(c.Command.Name);
        }

        names.Add(CliApp.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(double) || t == typeof(decimal) || t == typeof(float) => "a number",
        var t when t == typeof(bool) => "true or false",
        _ => "a value of the form its --help shows",
    };

    /// <summary>"; did you mean 'totals'?" when one of <paramref name="candidates"/> is close to <paramref name="typed"/>, else nothing.</summary>
    private static string Suggest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= Math.Max(2, c.Name.Length / 3) || c.Name.StartsWith(typed, StringComparison.Ordinal))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? "" : $"; did you mean '{best.Name}'?";
    }

    /// <summary>The Levenshtein distance between two short words.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
