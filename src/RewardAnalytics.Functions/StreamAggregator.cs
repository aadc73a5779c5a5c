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
        : this(Compose(ColdStart.Checked(nameof(StreamAggregator), EnvironmentReader.FromProcess(), AggregatorSettings.FromEnvironment, Console.Error), TimeProvider.System, FunctionOutput.FromProcess()))
    {
    }

    /// <summary>
    /// The composition: the entry point around its workflow. The CLI builds it on <see cref="Compose"/>; the local world and
    /// the tests build the aggregation on the table they bring (fault-injecting, planted-bug, in-memory).
    /// </summary>
    public StreamAggregator(StreamAggregation aggregation) => _aggregation = aggregation;

    /// <summary>
    /// The aggregation the Lambda constructor runs, wired from <paramref name="environment"/>: the settings (a bad one throws
    /// <see cref="SettingsException"/> here), the DynamoDB client of its endpoints and the aggregates writer; lines go to
    /// <paramref name="output"/>'s log.
    /// </summary>
    /// <exception cref="SettingsException">A setting is missing or malformed.</exception>
    public static StreamAggregation Compose(EnvironmentReader environment, TimeProvider clock, FunctionOutput output)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var settings = AggregatorSettings.FromEnvironment(AwsEndpoints.Check(environment));
        var table = new DynamoAggregatesWriter(AwsClients.CreateDynamoDb(environment.Raw), settings.AggregatesTable, clock);
        return new StreamAggregation(settings, table, clock, output.Log);
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
