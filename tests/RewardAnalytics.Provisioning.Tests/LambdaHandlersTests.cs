using System.Reflection;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>
/// The handler strings the stack deploys name real entry points, resolved the way Lambda's .NET runtime resolves
/// them: the type by full name in the named assembly, the method by <c>GetMethod(name, DeclaredOnly | Public |
/// NonPublic | Instance | Static)</c>, which fails on overloads (Lambda then refuses the function at every cold start).
/// </summary>
public sealed class LambdaHandlersTests
{
    private const BindingFlags LambdaRuntimeLookup =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;


    [Fact]
    public void Every_function_loads_the_functions_assembly_on_the_managed_dotnet10_runtime()
    {
        Assert.Equal(["RewardAnalytics.Functions"], LambdaHandlers.All.Select(h => LambdaHandlers.Parse(h).Assembly).Distinct());
        Assert.Equal(LambdaHandlers.FunctionsAssembly, typeof(StreamAggregator).Assembly.GetName().Name);
        Assert.Equal("dotnet10", LambdaHandlers.Runtime);
    }

    [Fact]
    public void Every_handler_string_the_stack_deploys_is_checked_below()
    {
        var rows = typeof(LambdaHandlersTests).GetMethod(nameof(The_handler_names_a_method_lambda_can_resolve_in_the_functions_assembly))!
            .GetCustomAttributes<InlineDataAttribute>()
            .Select(row => (string)row.GetData(null!).Single()[0]);

        Assert.Equal(LambdaHandlers.All.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(LambdaHandlers.StreamAggregator)]
    [InlineData(LambdaHandlers.DailyFinalizer)]
    [InlineData(LambdaHandlers.TotalsApi)]
    public void The_handler_names_a_method_lambda_can_resolve_in_the_functions_assembly(string handler)
    {
        var (assemblyName, typeName, methodName) = LambdaHandlers.Parse(handler);
        var assembly = Assembly.Load(assemblyName);
        var type = assembly.GetType(typeName);
        Assert.True(type is not null, $"{handler}: the Functions assembly has no type {typeName}.");

        var method = type.GetMethod(methodName, LambdaRuntimeLookup); // throws AmbiguousMatchException on overloads, as Lambda does
        Assert.NotNull(method);
        Assert.Equal(typeof(Task<Stream>), method.ReturnType);
        Assert.Equal([typeof(Stream)], method.GetParameters().Select(p => p.ParameterType));
        Assert.True(method.IsStatic || type.GetConstructor(Type.EmptyTypes) is not null, $"{typeName} needs a public parameterless constructor for Lambda to create it");
    }
}
