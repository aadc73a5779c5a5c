using System.Text.Encodings.Web;
using System.Text.Json;

namespace RewardAnalytics.LambdaHost;

/// <summary>
/// The body RuntimeSupport posts to <c>/runtime/init/error</c> (<c>ExceptionHandling/LambdaJsonExceptionWriter.cs</c>),
/// on one line: <c>errorType</c> (the short type name), <c>errorMessage</c>, <c>stackTrace</c> (when there is one),
/// <c>cause</c> for the inner exception and <c>causes</c> for an AggregateException's. Nothing is unwrapped: a
/// constructor's exception arrives as TargetInvocationException, its own type and message only under <c>cause</c>.
/// </summary>
public static class InitErrorBody
{
    public static string Json(Exception exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json, exception);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, Exception exception)
    {
        json.WriteStartObject();
        json.WriteString("errorType", exception.GetType().Name);
        json.WriteString("errorMessage", exception.Message);
        if (exception.StackTrace is { Length: > 0 } trace)
        {
            json.WriteStartArray("stackTrace");
            foreach (var line in trace.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
        }

        if (exception.InnerException is { } inner)
        {
            json.WritePropertyName("cause");
            Write(json, inner);
        }

        if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            json.WriteStartArray("causes");
            foreach (var each in aggregate.InnerExceptions)
            {
                Write(json, each);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
