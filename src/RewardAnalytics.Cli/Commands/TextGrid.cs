namespace RewardAnalytics.Cli.Commands;

/// <summary>Left-aligned columns separated by two spaces, for the finalizer's and reconcile's tables.</summary>
internal static class TextGrid
{
    /// <summary>The widest a column is padded to: a longer cell (an error text) runs on in its own row and widens no other.</summary>
    public const int MaxPaddedWidth = 40;

    /// <summary>
    /// The rows as text, each column padded to its widest cell of at most <see cref="MaxPaddedWidth"/> characters; the
    /// first row sets the column count. Lines are never wrapped.
    /// </summary>
    public static string Render(IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var widths = Enumerable.Range(0, rows[0].Length)
            .Select(c => rows.Select(r => r[c].Length).Where(length => length <= MaxPaddedWidth).DefaultIfEmpty(0).Max())
            .ToArray();
        return string.Join('\n', rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()));
    }
}
