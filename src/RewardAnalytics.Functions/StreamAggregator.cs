using System.Text.Json;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Functions;

/// <summary>
/// Lambda entry point of the stream aggregator:
/// <c>RewardAnalytics.Functions::RewardAnalytics.Functions.StreamAggregator::HandleAsync</c>.
/// The managed <c>dotnet10</c> runtime constructs it once per container (settings validated, clients created) and
/// calls <see cref="HandleAsync"/> with the raw DynamoDB Streams event; the response is Lambda's tumbling-window
/// response <c>{"state":{},"batchItemFailures":[…]}</c>.
/// </summary>
public sealed class StreamAggregator
{
    private readonly StreamAggregation _aggregation;

    /// <summary>The constructor Lambda calls: reads the process environment; a bad setting fails the cold start, named first on Console.Error (<see cref="ColdStart"/>).</summary>
    public StreamAggregator()
        : this(ColdStart.Checked(nameof(StreamAggregator), EnvironmentReader.FromProcess(), AggregatorSettings.FromEnvironment, Console.Error), TimeProvider.System, FunctionOutput.FromProcess())
    {
    }

    /// <summary>The aggregator wired from explicit settings, clock and output (the CLI and the tests build it this way); a bad setting throws here.</summary>
    public StreamAggregator(EnvironmentReader environment, TimeProvider clock, FunctionOutput output)
        : this(AggregatorSettings.FromEnvironment(AwsEndpoints.Check(environment)), environment, clock, output)
    {
    }

    /// <summary>The function on any aggregates table (the local world's fault-injecting one); logs as in Lambda.</summary>
    public StreamAggregator(AggregatorSettings settings, IAggregatesTable table, TimeProvider clock, FunctionOutput output)
        : this(new StreamAggregation(settings, table, clock, output.Log))
    {
    }

    /// <summary>The aggregator around an already-built aggregation (tests that bring their own table).</summary>
    public StreamAggregator(StreamAggregation aggregation) => _aggregation = aggregation;

    private StreamAggregator(AggregatorSettings settings, EnvironmentReader environment, TimeProvider clock, FunctionOutput output)
        : this(settings, new DynamoAggregatesWriter(AwsClients.CreateDynamoDb(environment.Raw), settings.AggregatesTable, clock), clock, output)
    {
    }

    /// <summary>Lambda's handler: applies one DynamoDB Streams batch and returns the tumbling-window response with any batch item failures.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        var outcome = await AggregateAsync(input, CancellationToken.None).ConfigureAwait(false);
        return WriteResponse(outcome);
    }

    /// <summary>
    /// The same invocation, returning what it did (the local stream driver and the CLI read it). Not an overload of
    /// <see cref="HandleAsync(Stream)"/>: the Lambda runtime refuses a handler method name that has overloads.
    /// </summary>
    public async Task<AggregationOutcome> AggregateAsync(Stream input, CancellationToken cancellationToken)
    {
        using var payload = await PooledPayload.ReadAsync(input, cancellationToken).ConfigureAwait(false);
        return await _aggregation.HandleAsync(payload.Memory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lambda's tumbling-window response: the (unused) state and the batch item failures.</summary>
    public static MemoryStream WriteResponse(AggregationOutcome outcome)
    {
        var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteStartObject("state");
            json.WriteEndObject();
            json.WriteStartArray("batchItemFailures");
            foreach (var sequence in outcome.BatchItemFailures)
            {
                json.WriteStartObject();
                json.WriteString("itemIdentifier", sequence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }
}
