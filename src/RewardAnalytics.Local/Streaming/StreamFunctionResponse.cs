namespace RewardAnalytics.Local.Streaming;

/// <summary>The function's tumbling-window response as Lambda reads it: the sequence numbers to retry from.</summary>
public sealed record StreamFunctionResponse(IReadOnlyList<string> BatchItemFailures)
{
    /// <summary>A response with no batch item failures: the whole batch succeeded.</summary>
    public static StreamFunctionResponse Success { get; } = new([]);
}
