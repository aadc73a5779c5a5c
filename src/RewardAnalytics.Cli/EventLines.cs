using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Cli;

/// <summary>
/// An <c>--event</c> file told apart by its content: one JSON event (pretty-printed or on one line), or JSON lines
/// (one event a line, as <c>generate</c> writes them): the first non-blank line is a whole JSON value by itself and
/// another non-blank line follows.
/// </summary>
internal static class EventLines
{
    /// <summary>True when <paramref name="path"/> holds more than one event, one a line.</summary>
    public static async Task<bool> IsJsonLinesAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var first = await NextLineAsync(reader, cancellationToken).ConfigureAwait(false);
        if (first is null || !IsWholeJsonValue(first))
        {
            return false;
        }

        return await NextLineAsync(reader, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Each non-blank line of <paramref name="path"/> with its 1-based line number, in order, read as it goes.</summary>
    public static async IAsyncEnumerable<(int Line, string Text)> ReadAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    private static async Task<string?> NextLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }

        return null;
    }

    private static bool IsWholeJsonValue(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
