namespace RewardAnalytics.Provisioning;

/// <summary>
/// The Lambda handler strings (<c>Assembly::Type::Method</c>) of the three functions, and the assembly Lambda loads them
/// from. Tests check them by reflection against the Functions assembly and the published package.
/// </summary>
public static class LambdaHandlers
{
    /// <summary>The assembly every handler lives in.</summary>
    public const string FunctionsAssembly = "RewardAnalytics.Functions";
    /// <summary>The managed Lambda runtime the functions run on.</summary>
    public const string Runtime = "dotnet10";
    /// <summary>Handler of the stream aggregator function.</summary>
    public const string StreamAggregator = FunctionsAssembly + "::RewardAnalytics.Functions.StreamAggregator::HandleAsync";
    /// <summary>Handler of the daily finalizer function.</summary>
    public const string DailyFinalizer = FunctionsAssembly + "::RewardAnalytics.Functions.DailyFinalizer::HandleAsync";

    /// <summary>Handler of the totals API function (function URL and dashboard custom widget).</summary>
    public const string TotalsApi = FunctionsAssembly + "::RewardAnalytics.Functions.TotalsApi::HandleAsync";

    /// <summary>Every handler the stack deploys.</summary>
    public static IReadOnlyList<string> All { get; } = [StreamAggregator, DailyFinalizer, TotalsApi];

    /// <summary>Splits a handler string into its assembly, type and method names.</summary>
    public static (string Assembly, string Type, string Method) Parse(string handler)
    {
        var parts = handler.Split("::");
        return parts.Length == 3 && parts.All(p => p.Length > 0)
            ? (parts[0], parts[1], parts[2])
            : throw new FormatException($"'{handler}' is not a .NET Lambda handler of the form Assembly::Type::Method.");
    }
}
