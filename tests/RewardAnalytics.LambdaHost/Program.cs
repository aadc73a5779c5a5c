using System.Text;
using RewardAnalytics.Local.Lambda;

namespace RewardAnalytics.LambdaHost;

/// <summary>
/// <c>RewardAnalytics.LambdaHost &lt;handler&gt; &lt;event file&gt; [&lt;response file&gt;]</c>: a cold start and one
/// invocation as the managed .NET runtime makes them. Console.Out and Console.Error are replaced per
/// <c>AWS_LAMBDA_LOG_FORMAT</c> before the handler type is constructed (levels Information and Error; the invocation's
/// requestId and traceId on each entry once it starts); the function's lines go to stdout and stderr (the log stream),
/// the response to the response file (stdout after the logs without one), the host's own lines to stderr, prefixed
/// <c>lambda-host:</c>. An init failure is logged as the runtime logs it (an Error entry with errorType, errorMessage
/// and stackTrace) and its init error body, as RuntimeSupport posts it, follows <c>lambda-host: init error:</c>.
/// Exit codes: <see cref="LambdaHostExit"/>.
/// </summary>
public static class Program
{
    public const string LogFormatVariable = "AWS_LAMBDA_LOG_FORMAT";
    public const string FailurePrefix = "lambda-host:";
    public const string LambdaCoreAssembly = "Amazon.Lambda.Core";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length is < 2 or > 3)
        {
            await Console.Error.WriteLineAsync($"{FailurePrefix} usage: RewardAnalytics.LambdaHost <Assembly::Namespace.Type::Method> <event file> [<response file>]");
            return LambdaHostExit.Usage;
        }

        var (handlerString, eventFile, responseFile) = (args[0], args[1], args.Length == 3 ? args[2] : null);
        var rawOutput = Console.Out;
        HostError = Console.Error;
        var format = LambdaConsoleWriter.ParseFormat(Environment.GetEnvironmentVariable(LogFormatVariable));
        var console = new LambdaConsoleWriter(rawOutput, format, TimeProvider.System);
        var errorConsole = new LambdaConsoleWriter(HostError, format, TimeProvider.System, LambdaConsoleWriter.ErrorLevel);
        Console.SetOut(console);
        Console.SetError(errorConsole);

        LambdaHandler handler;
        try
        {
            handler = LambdaHandler.Bind(handlerString);
        }
        catch (HandlerBindingException ex)
        {
            return await FailAsync(LambdaHostExit.HandlerNotBound, $"handler '{handlerString}' not bound: {ex.Message}");
        }

        var runtimeConfig = RuntimeConfigCheck.PathFor(handler.Assembly);
        if (!File.Exists(runtimeConfig))
        {
            return await FailAsync(LambdaHostExit.RuntimeConfigNotApplied, $"{runtimeConfig} does not exist beside the function's assembly.");
        }

        var notApplied = RuntimeConfigCheck.Compare(runtimeConfig)
            .Where(p => !string.Equals(p.Expected, p.Actual, StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Name} is {p.Expected} in {Path.GetFileName(runtimeConfig)} but {p.Actual ?? "unset"} in this process")
            .ToList();
        if (notApplied.Count > 0)
        {
            return await FailAsync(LambdaHostExit.RuntimeConfigNotApplied,
                $"the function's runtimeconfig.json is not applied (launch with --runtimeconfig {runtimeConfig}): {string.Join("; ", notApplied)}");
        }

        // The real loader (RuntimeSupport) is built against Amazon.Lambda.Core and can load it only if the deps.json lists it.
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator);
        var listsLambdaCore = trusted.Any(p => Path.GetFileNameWithoutExtension(p).Equals(LambdaCoreAssembly, StringComparison.OrdinalIgnoreCase));
        await HostError.WriteLineAsync(
            $"[figures] lambda_host handler={handlerString} deps_json_lists_{LambdaCoreAssembly}={(listsLambdaCore ? "yes" : "no (the managed runtime's RuntimeSupport could not load it)")}");

        object? instance;
        try
        {
            instance = handler.CreateInstance();
        }
        catch (Exception ex)
        {
            // As LambdaBootstrap.InitializeAsync: the exception logged through the wrapped stdout, then posted as it is.
            console.WriteException(ex);
            await console.FlushAsync();
            await FailAsync(LambdaHostExit.InitFailed, $"init error: {InitErrorBody.Json(ex)}");
            return await FailAsync(LambdaHostExit.InitFailed, $"init (the constructor of {handler.Method.DeclaringType}) failed: {ex}");
        }

        try
        {
            var (requestId, traceId) = (Guid.NewGuid().ToString(), TraceHeader());
            (console.RequestId, console.TraceId, errorConsole.RequestId, errorConsole.TraceId) = (requestId, traceId, requestId, traceId);
            await using var input = File.OpenRead(eventFile);
            await using var response = await handler.InvokeAsync(instance, input);
            await console.FlushAsync();
            if (responseFile is null)
            {
                using var reader = new StreamReader(response, Encoding.UTF8);
                await rawOutput.WriteLineAsync(await reader.ReadToEndAsync());
                await rawOutput.FlushAsync();
            }
            else
            {
                await using var file = File.Create(responseFile);
                await response.CopyToAsync(file);
            }
        }
        catch (Exception ex)
        {
            return await FailAsync(LambdaHostExit.InvokeFailed, $"invocation of {handlerString} failed: {ex}");
        }

        return LambdaHostExit.Success;
    }

    /// <summary>The process's standard error as it was before Console.Error was wrapped: the host's own lines.</summary>
    private static TextWriter HostError { get; set; } = TextWriter.Null;

    private static async Task<int> FailAsync(int exitCode, string message)
    {
        await HostError.WriteLineAsync($"{FailurePrefix} {message}");
        return exitCode;
    }

    /// <summary>A <c>Lambda-Runtime-Trace-Id</c> header value as Lambda sends it with each invocation.</summary>
    private static string TraceHeader()
    {
        var epoch = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var id = Guid.NewGuid().ToString("N");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Root=1-{epoch:x8}-{id[..24]};Parent={id[16..]};Sampled=0");
    }
}
