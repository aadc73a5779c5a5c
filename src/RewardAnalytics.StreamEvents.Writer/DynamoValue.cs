namespace RewardAnalytics.StreamEvents.Writer;

/// <summary>
/// A DynamoDB attribute value as a stream record carries it: exactly one descriptor set (<c>S</c>, <c>N</c>, <c>B</c>,
/// <c>SS</c>, <c>NS</c>, <c>BS</c>, <c>BOOL</c>, <c>NULL</c>, <c>L</c> or <c>M</c>), named as in DynamoDB JSON. It is the
/// writer's own type, so events can be written without the AWS SDK; the local world converts the SDK's values to it.
/// </summary>
public sealed class DynamoValue
{
    /// <summary>A string (<c>S</c>).</summary>
    public string? S { get; init; }
    /// <summary>A number (<c>N</c>) as its decimal text.</summary>
    public string? N { get; init; }
    /// <summary>Binary (<c>B</c>), written as base64.</summary>
    public ReadOnlyMemory<byte>? B { get; init; }
    /// <summary>A string set (<c>SS</c>).</summary>
    public IReadOnlyList<string>? SS { get; init; }
    /// <summary>A number set (<c>NS</c>).</summary>
    public IReadOnlyList<string>? NS { get; init; }
    /// <summary>A binary set (<c>BS</c>), each written as base64.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? BS { get; init; }
    /// <summary>A boolean (<c>BOOL</c>).</summary>
    public bool? BOOL { get; init; }
    /// <summary>True for the null value (<c>NULL</c>); also what a value with no descriptor set is written as.</summary>
    public bool NULL { get; init; }
    /// <summary>A list (<c>L</c>).</summary>
    public IReadOnlyList<DynamoValue>? L { get; init; }
    /// <summary>A map (<c>M</c>).</summary>
    public IReadOnlyDictionary<string, DynamoValue>? M { get; init; }
}
