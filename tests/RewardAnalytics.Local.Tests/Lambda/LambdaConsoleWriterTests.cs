using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Local.Lambda;
using static RewardAnalytics.Local.Tests.Lambda.LambdaClock;

namespace RewardAnalytics.Local.Tests.Lambda;

/// <summary>Console.Out as the managed runtime replaces it, under each log format.</summary>
public sealed class LambdaConsoleWriterTests
{
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void Under_the_JSON_log_format_a_console_line_is_wrapped_as_the_message_of_the_runtimes_JSON_object()
    {
        using var stream = new StringWriter();
        var console = new LambdaConsoleWriter(stream, LambdaLogFormat.Json, _clock) { RequestId = "8f5e-42" };

        console.WriteLine("""{"_aws":{}}""");
        console.Write("no line end ");
        console.WriteLine("done");

        Assert.Equal(
            """{"timestamp":"2023-11-15T09:26:00.123Z","level":"Information","requestId":"8f5e-42","message":"{\u0022_aws\u0022:{}}"}""" + "\n" +
            """no line end {"timestamp":"2023-11-15T09:26:00.123Z","level":"Information","requestId":"8f5e-42","message":"done"}""" + "\n",
            stream.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Under_the_text_log_format_a_console_line_gets_the_time_request_id_and_level_prefix()
    {
        using var stream = new StringWriter();
        var console = new LambdaConsoleWriter(stream, LambdaLogFormat.Text, _clock) { RequestId = "8f5e-42" };

        console.WriteLine("hello");

        Assert.Equal("2023-11-15T09:26:00.123Z\t8f5e-42\tinfo\thello\n", stream.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Console_Error_is_wrapped_at_level_Error_and_every_entry_of_an_invocation_carries_its_trace_id()
    {
        using var stream = new StringWriter();
        var error = new LambdaConsoleWriter(stream, LambdaLogFormat.Json, _clock, LambdaConsoleWriter.ErrorLevel);

        error.WriteLine("before the first invocation");
        (error.RequestId, error.TraceId) = ("8f5e-42", "Root=1-65549b68-0123456789abcdef01234567;Parent=89abcdef01234567;Sampled=0");
        error.WriteLine("during it");

        Assert.Equal(
            """{"timestamp":"2023-11-15T09:26:00.123Z","level":"Error","message":"before the first invocation"}""" + "\n" +
            """{"timestamp":"2023-11-15T09:26:00.123Z","level":"Error","requestId":"8f5e-42","traceId":"Root=1-65549b68-0123456789abcdef01234567;Parent=89abcdef01234567;Sampled=0","message":"during it"}""" + "\n",
            stream.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_exception_the_runtime_caught_is_one_Error_entry_with_its_full_type_message_and_stack_lines()
    {
        using var json = new StringWriter();
        using var text = new StringWriter();
        var caught = new System.Reflection.TargetInvocationException(new InvalidOperationException("bad settings"));

        new LambdaConsoleWriter(json, LambdaLogFormat.Json, _clock).WriteException(caught);
        new LambdaConsoleWriter(text, LambdaLogFormat.Text, _clock).WriteException(caught);

        using var entry = System.Text.Json.JsonDocument.Parse(json.ToString());
        var root = entry.RootElement;
        Assert.Equal(("Error", "", "System.Reflection.TargetInvocationException", "Exception has been thrown by the target of an invocation."),
            (root.GetProperty("level").GetString(), root.GetProperty("message").GetString(), root.GetProperty("errorType").GetString(), root.GetProperty("errorMessage").GetString()));
        Assert.Contains(root.GetProperty("stackTrace").EnumerateArray(), l => l.GetString() == "---> System.InvalidOperationException: bad settings");
        Assert.StartsWith("2023-11-15T09:26:00.123Z\t\tfail\tSystem.Reflection.TargetInvocationException: Exception has been thrown", text.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, LambdaLogFormat.Json)]
    [InlineData("JSON", LambdaLogFormat.Json)]
    [InlineData("json", LambdaLogFormat.Json)]
    [InlineData("Text", LambdaLogFormat.Text)]
    [InlineData("anything", LambdaLogFormat.Text)]
    public void The_log_format_is_read_as_the_runtime_reads_it_defaulting_to_what_the_stack_deploys(string? value, LambdaLogFormat expected)
    {
        Assert.Equal(expected, LambdaConsoleWriter.ParseFormat(value));
    }
}
