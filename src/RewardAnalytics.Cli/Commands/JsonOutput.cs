using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Cli.Commands;

/// <summary>A command's <c>--json</c> output: one document written by a callback, returned as text.</summary>
internal static class JsonOutput
{
    /// <summary>The JSON <paramref name="write"/> produces, as a string.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
