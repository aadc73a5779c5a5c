using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Local.Lambda;

/// <summary>
/// <c>Console.Out</c> as the managed .NET Lambda runtime replaces it (Amazon.Lambda.RuntimeSupport,
/// <c>Helpers/ConsoleLoggerWriter.cs</c>): every <c>WriteLine</c> becomes one log entry, wrapped as
/// <c>{"timestamp","level":"Information","requestId","message":"&lt;the line as a string&gt;"}</c> under the JSON log
/// format or prefixed <c>timestamp\trequestId\tinfo\t</c> under the text format; <c>Write</c> without a line end passes
/// through unwrapped, as the runtime's does. Only the base class library is used: the Lambda test host links this file.
/// </summary>
public sealed class LambdaConsoleWriter : TextWriter
{
    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    private readonly TextWriter _output;
    private readonly LambdaLogFormat _format;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();

    /// <summary>A console that writes each line to <paramref name="output"/> wrapped as the runtime does for <paramref name="format"/>, timestamped by <paramref name="clock"/>.</summary>
    public LambdaConsoleWriter(TextWriter output, LambdaLogFormat format, TimeProvider clock)
    {
        _output = output;
        _format = format;
        _clock = clock;
    }

    /// <summary>The request id the runtime stamps on each line (set per invocation; empty before the first).</summary>
    public string RequestId { get; set; } = string.Empty;

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
        var entry = _format == LambdaLogFormat.Json ? JsonEntry(timestamp, value ?? string.Empty) : $"{timestamp}\t{RequestId}\tinfo\t{value}";
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

    private string JsonEntry(string timestamp, string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp);
            json.WriteString("level", "Information");
            if (RequestId.Length > 0)
            {
                json.WriteString("requestId", RequestId);
            }

            json.WriteString("message", message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
