using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Local.Lambda;

/// <summary>
/// <c>Console.Out</c> (and <c>Console.Error</c>) as the managed .NET Lambda runtime replaces them
/// (Amazon.Lambda.RuntimeSupport, <c>Helpers/ConsoleLoggerWriter.cs</c> and <c>Logging/JsonLogMessageFormatter.cs</c>):
/// every <c>WriteLine</c> becomes one log entry, wrapped as
/// <c>{"timestamp","level":"Information","requestId","traceId","message":"&lt;the line as a string&gt;"}</c> under the
/// JSON log format (level <c>Error</c> for <c>Console.Error</c>; requestId and traceId once an invocation has set them)
/// or prefixed <c>timestamp\trequestId\tinfo\t</c> (<c>fail</c>) under the text format; <c>Write</c> without a line end
/// passes through unwrapped, as the runtime's does. Only the base class library is used: the Lambda test host links this file.
/// </summary>
public sealed class LambdaConsoleWriter : TextWriter
{
    /// <summary>The level of <c>Console.Out</c>'s entries.</summary>
    public const string InformationLevel = "Information";

    /// <summary>The level of <c>Console.Error</c>'s entries, and of the runtime's own log of an unhandled exception.</summary>
    public const string ErrorLevel = "Error";

    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    private readonly TextWriter _output;
    private readonly LambdaLogFormat _format;
    private readonly TimeProvider _clock;
    private readonly string _level;
    private readonly object _gate = new();

    /// <summary>A console that writes each line to <paramref name="output"/> wrapped as the runtime does for <paramref name="format"/>, timestamped by <paramref name="clock"/>, at <paramref name="level"/>.</summary>
    public LambdaConsoleWriter(TextWriter output, LambdaLogFormat format, TimeProvider clock, string level = InformationLevel)
    {
        _output = output;
        _format = format;
        _clock = clock;
        _level = level;
    }

    /// <summary>The request id the runtime stamps on each line (set per invocation; empty before the first).</summary>
    public string RequestId { get; set; } = string.Empty;

    /// <summary>The X-Ray trace id (the invocation's <c>Lambda-Runtime-Trace-Id</c>) the runtime adds to each JSON entry; empty before the first invocation.</summary>
    public string TraceId { get; set; } = string.Empty;

    /// <summary>
    /// The runtime's own entry for an exception it caught (an init error, an invocation's): level <paramref name="level"/>,
    /// an empty message, <c>errorType</c> (the full type name), <c>errorMessage</c> and <c>stackTrace</c> (the lines of
    /// <c>ToString()</c>) under the JSON format; the exception's <c>ToString()</c> after the prefix under the text format.
    /// </summary>
    public void WriteException(Exception exception, string level = ErrorLevel)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var timestamp = _clock.GetUtcNow().UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
        var entry = _format == LambdaLogFormat.Json
            ? JsonEntry(timestamp, level, string.Empty, exception)
            : $"{timestamp}\t{RequestId}\t{TextLabel(level)}\t{exception}";
        lock (_gate)
        {
            _output.WriteLine(entry);
        }
    }

    /// <summary><inheritdoc/></summary>
    public override Encoding Encoding => _output.Encoding;

    /// <summary>Reads <c>AWS_LAMBDA_LOG_FORMAT</c> as the runtime does; unset means what the stack deploys (JSON).</summary>
    public static LambdaLogFormat ParseFormat(string? value) => value switch
    {
        null or "" => LambdaLogFormat.Json,
        _ when value.Equals("JSON", StringComparison.OrdinalIgnoreCase) => LambdaLogFormat.Json,
        _ => LambdaLogFormat.Text,
    };

    /// <summary><inheritdoc/></summary>
    public override void WriteLine(string? value)
    {
        var timestamp = _clock.GetUtcNow().UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
        var entry = _format == LambdaLogFormat.Json ? JsonEntry(timestamp, _level, value ?? string.Empty, null) : $"{timestamp}\t{RequestId}\t{TextLabel(_level)}\t{value}";
        lock (_gate)
        {
            _output.WriteLine(entry);
        }
    }

    /// <summary><inheritdoc/></summary>
    public override void WriteLine() => WriteLine(string.Empty);

    /// <summary><inheritdoc/></summary>
    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(new string(buffer));

    /// <summary><inheritdoc/></summary>
    public override void WriteLine(char[]? buffer) => WriteLine(buffer is null ? string.Empty : new string(buffer));

    /// <summary><inheritdoc/></summary>
    public override void WriteLine(char[] buffer, int index, int count) => WriteLine(new string(buffer, index, count));

    /// <summary><inheritdoc/></summary>
    public override void WriteLine(object? value) => WriteLine(value?.ToString());

    /// <summary><inheritdoc/></summary>
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <summary><inheritdoc/></summary>
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        WriteLine(buffer.Span);
        return Task.CompletedTask;
    }

    /// <summary><inheritdoc/></summary>
    public override Task WriteLineAsync(char[] buffer, int index, int count)
    {
        WriteLine(buffer, index, count);
        return Task.CompletedTask;
    }

    /// <summary><inheritdoc/></summary>
    public override void Write(char value)
    {
        lock (_gate)
        {
            _output.Write(value);
        }
    }

    /// <summary><inheritdoc/></summary>
    public override void Write(string? value)
    {
        lock (_gate)
        {
            _output.Write(value);
        }
    }

    /// <summary><inheritdoc/></summary>
    public override void Flush() => _output.Flush();

    private static string TextLabel(string level) => level == ErrorLevel ? "fail" : "info";

    private string JsonEntry(string timestamp, string level, string message, Exception? exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp);
            json.WriteString("level", level);
            if (RequestId.Length > 0)
            {
                json.WriteString("requestId", RequestId);
            }

            if (TraceId.Length > 0)
            {
                json.WriteString("traceId", TraceId);
            }

            json.WriteString("message", message);
            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().FullName);
                json.WriteString("errorMessage", exception.Message);
                json.WriteStartArray("stackTrace");
                foreach (var line in exception.ToString().Split('\n'))
                {
                    json.WriteStringValue(line.Trim());
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
