using System.Reflection;
using System.Text.Json;

namespace RewardAnalytics.LambdaHost;

/// <summary>
/// Whether this process runs with the function's <c>&lt;assembly&gt;.runtimeconfig.json</c>, as bootstrap.sh's
/// <c>--runtimeconfig</c> makes it: each of that file's <c>configProperties</c> must be what <see cref="AppContext"/>
/// reports. A launch that ignores it runs with some other configuration (here: the host's own, which differs in
/// <c>System.Globalization.Invariant</c>), and that is reported rather than passed over.
/// </summary>
public static class RuntimeConfigCheck
{
    /// <summary>The function's runtimeconfig.json beside its assembly.</summary>
    public static string PathFor(Assembly functionAssembly) =>
        Path.Combine(Path.GetDirectoryName(functionAssembly.Location) ?? ".", functionAssembly.GetName().Name + ".runtimeconfig.json");

    /// <summary>The function's config properties as (name, value in the file, value in this process).</summary>
    public static IReadOnlyList<(string Name, string Expected, string? Actual)> Compare(string runtimeConfigPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(runtimeConfigPath));
        if (!document.RootElement.TryGetProperty("runtimeOptions", out var options)
            || !options.TryGetProperty("configProperties", out var properties))
        {
            return [];
        }

        return properties.EnumerateObject()
            .Select(p => (p.Name, Expected: p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText(),
                Actual: AppContext.GetData(p.Name)?.ToString()))
            .ToList();
    }
}
