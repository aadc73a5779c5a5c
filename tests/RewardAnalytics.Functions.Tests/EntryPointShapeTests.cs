using System.Reflection;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Functions.Tests;

/// <summary>The shapes the managed dotnet10 runtime needs to bind a handler string with no serializer.</summary>
public sealed class EntryPointShapeTests
{
    [Theory]
    [InlineData(typeof(StreamAggregator))]
    [InlineData(typeof(DailyFinalizer))]
    [InlineData(typeof(TotalsApi))]
    public void Each_entry_point_has_one_HandleAsync_taking_and_returning_a_stream_and_a_parameterless_constructor(Type entryPoint)
    {
        var handlers = entryPoint.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == "HandleAsync")
            .ToArray();

        // The runtime refuses a handler name with overloads (MethodHasOverloads) at cold start.
        var handler = Assert.Single(handlers);
        Assert.Equal(typeof(Stream), Assert.Single(handler.GetParameters()).ParameterType);
        Assert.Equal(typeof(Task<Stream>), handler.ReturnType);
        Assert.NotNull(entryPoint.GetConstructor(Type.EmptyTypes));
    }

    [Theory]
    [InlineData(typeof(StreamAggregator), nameof(StreamAggregation))]
    [InlineData(typeof(DailyFinalizer), nameof(DailyFinalization))]
    [InlineData(typeof(TotalsApi), "DayTotalsReader, TimeProvider, TextWriter")]
    public void Each_entry_point_is_built_only_by_the_constructor_Lambda_calls_and_one_composition_taking_its_workflow(Type entryPoint, string composition)
    {
        // Everything else (the CLI, the local world, the tests) composes the workflow and goes through the one constructor.
        var constructors = entryPoint.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Select(c => string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["", composition], constructors);
    }
}
