namespace RewardAnalytics.Cli.Commands;

/// <summary>Left-aligned columns separated by two spaces, for the finalizer's and reconcile's tables.</summary>
public static class TextGrid
{
    /// <summary>The rows as text, each column padded to its widest cell; the first row sets the column count.</summary>
    public static string Render(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return string.Join('\n', rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()));
    }
}
