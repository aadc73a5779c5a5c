using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Local.Lambda;

/// <summary>
/// A function's output as a Lambda process has it, for the local world: <c>Console.Out</c> replaced the way the
/// managed runtime replaces it for <c>AWS_LAMBDA_LOG_FORMAT</c> (default: JSON, what the stack deploys), and the raw
/// standard output, both ending in one log stream. Whatever a function prints locally passes through here, so a line
/// written to the wrong one arrives wrapped, as it would in CloudWatch Logs.
/// </summary>
public static class LambdaProcessOutput
{
    /// <summary>The variable the managed runtime reads for the log format (<c>JSON</c> or <c>Text</c>).</summary>
    public const string LogFormatVariable = "AWS_LAMBDA_LOG_FORMAT";

    /// <summary>The function's output ending in <paramref name="logStream"/>, in the log format of <paramref name="environment"/>.</summary>
    public static FunctionOutput For(TextWriter logStream, EnvironmentReader environment, TimeProvider clock) =>
        For(logStream, LambdaConsoleWriter.ParseFormat(environment.Raw(LogFormatVariable)), clock);

    /// <summary>The function's output ending in <paramref name="logStream"/>, with <c>Console.Out</c> wrapped for <paramref name="format"/>.</summary>
    public static FunctionOutput For(TextWriter logStream, LambdaLogFormat format, TimeProvider clock)
    {
        var stream = TextWriter.Synchronized(logStream);
        return new FunctionOutput(new LambdaConsoleWriter(stream, format, clock), stream);
    }
}
