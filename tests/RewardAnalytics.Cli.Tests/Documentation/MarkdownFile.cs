using System.Text;
using System.Text.RegularExpressions;

namespace RewardAnalytics.Cli.Tests.Documentation;

/// <summary>
/// A Markdown file of the repository read the way GitHub renders it, as far as the documentation tests need: its
/// fenced code blocks, its headings with GitHub's anchors, and the links in its prose (not in code).
/// </summary>
internal sealed partial class MarkdownFile
{
    private MarkdownFile(string path, string[] lines)
    {
        FullPath = path;
        Lines = lines;
    }

    public string FullPath { get; }

    public string Text => string.Join('\n', Lines);

    public IReadOnlyList<string> Lines { get; }

    public static MarkdownFile Read(string path) =>
        new(path, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));

    /// <summary>Each fenced code block (<c>```</c>), its lines without the fences, with the line index of its opening fence.</summary>
    public IReadOnlyList<(int OpeningLine, string[] Lines)> CodeBlocks()
    {
        var blocks = new List<(int, string[])>();
        int? opening = null;
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!Lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            if (opening is { } start)
            {
                blocks.Add((start, Lines.Skip(start + 1).Take(i - start - 1).ToArray()));
                opening = null;
            }
            else
            {
                opening = i;
            }
        }

        return blocks;
    }

    /// <summary>The anchors GitHub gives the headings, in order, numbered <c>-1</c>, <c>-2</c> when a slug repeats.</summary>
    public IReadOnlySet<string> Anchors()
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in ProseLines())
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var repeat = seen.GetValueOrDefault(slug);
            seen[slug] = repeat + 1;
            anchors.Add(repeat == 0 ? slug : $"{slug}-{repeat}");
        }

        return anchors;
    }

    /// <summary>Every link and image target in the prose (code spans and fenced blocks are not links).</summary>
    public IEnumerable<string> LinkTargets() =>
        ProseLines()
            .Select(line => CodeSpanPattern().Replace(line, ""))
            .SelectMany(line => LinkPattern().Matches(line))
            .Select(match => match.Groups["target"].Value);

    /// <summary>
    /// GitHub's heading anchor: the heading's text as rendered (code and emphasis marks dropped), lower case, every
    /// character that is not a letter, digit, space, hyphen or underscore removed, each space a hyphen.
    /// </summary>
    public static string Slug(string headingText)
    {
        var slug = new StringBuilder();
        foreach (var c in headingText.Replace("`", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal).Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private IEnumerable<string> ProseLines()
    {
        var inFence = false;
        foreach (var line in Lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpanPattern();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();
}
