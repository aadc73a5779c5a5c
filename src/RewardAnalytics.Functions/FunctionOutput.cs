using System.Text;

namespace RewardAnalytics.Functions;

/// <summary>
/// Where a function's lines go in a Lambda process. <see cref="Console"/> is <c>Console.Out</c>, which the managed
/// runtime replaces with a writer that wraps every line (in a JSON object under the JSON log format, behind a
/// time/request-id/level prefix under the text format). <see cref="StandardOutput"/> is the process's raw standard
/// output, which Lambda's log pipeline takes line by line as written. EMF documents must be the root JSON object of
/// their log event for CloudWatch to extract metrics, so the functions write EMF and their JSON log lines to
/// <see cref="StandardOutput"/> (as Powertools for AWS Lambda .NET does), never through <see cref="Console"/>.
/// </summary>
public sealed class FunctionOutput
{
    private static readonly Lazy<TextWriter> ProcessStandardOutput = new(() =>
        TextWriter.Synchronized(new StreamWriter(System.Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true }));

    /// <summary>Output over the given writers: the runtime's wrapped console and the raw standard output.</summary>
    public FunctionOutput(TextWriter console, TextWriter standardOutput)
    {
        Console = console;
        StandardOutput = standardOutput;
    }

    /// <summary><c>Console.Out</c> as the runtime set it up (wrapped per line).</summary>
    public TextWriter Console { get; }

    /// <summary>The process's raw standard output (lines reach the log stream as written).</summary>
    public TextWriter StandardOutput { get; }

    /// <summary>The writer for EMF documents and structured log lines: the raw standard output.</summary>
    public TextWriter Log => StandardOutput;

    /// <summary>This process's <c>Console.Out</c> and raw standard output (what the Lambda-called constructors use).</summary>
    public static FunctionOutput FromProcess() => new(System.Console.Out, ProcessStandardOutput.Value);
}
