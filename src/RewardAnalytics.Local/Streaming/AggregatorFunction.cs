using System.Text.Json;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The stream aggregator's real entry point (<see cref="StreamAggregator"/>) as the driver invokes it: the event
/// bytes in, the serialized tumbling-window response read back for its <c>batchItemFailures</c>, as Lambda reads it.
/// </summary>
public sealed class AggregatorFunction : IStreamFunction
{
    private readonly StreamAggregator _function;

    /// <summary>
    /// The aggregator's entry point composed on <paramref name="table"/> behind the driver's fault switch, its lines going to
    /// <paramref name="log"/> (see <see cref="Lambda.LambdaProcessOutput"/>).
    /// </summary>
    public AggregatorFunction(AggregatorSettings settings, IAggregatesTable table, TimeProvider clock, TextWriter log)
    {
        Table = new FaultInjectingAggregatesTable(table);
        _function = new StreamAggregator(new StreamAggregation(settings, Table, clock, log));
    }

    /// <summary>The aggregates table as the function sees it, with the fault switch and the request counters.</summary>
    public FaultInjectingAggregatesTable Table { get; }

    /// <summary><inheritdoc/></summary>
    public async Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken)
    {
        Table.Arm(invocation.ShardId, invocation.Fault);
        try
        {
            using var input = new MemoryStream(invocation.Payload, writable: false);
            var outcome = await _function.AggregateAsync(input, cancellationToken).ConfigureAwait(false);
            using var response = StreamAggregator.WriteResponse(outcome);
            return Read(response);
        }
        finally
        {
            Table.Disarm(invocation.ShardId);
        }
    }

    /// <summary>Reads <c>{"batchItemFailures":[{"itemIdentifier":"…"}]}</c> from a function's response.</summary>
    public static StreamFunctionResponse Read(System.IO.Stream response)
    {
        using var json = JsonDocument.Parse(response);
        if (!json.RootElement.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind != JsonValueKind.Array)
        {
            return StreamFunctionResponse.Success;
        }

        return new StreamFunctionResponse(failures.EnumerateArray()
            .Select(f => f.TryGetProperty("itemIdentifier", out var id) ? id.GetString() ?? string.Empty : string.Empty)
            .ToArray());
    }
}
