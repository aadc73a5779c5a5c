namespace RewardAnalytics.Local.Streaming;

/// <summary>The function's tumbling-window response as Lambda reads it: the sequence numbers to retry from.</summary>
public sealed record StreamFunctionResponse(IReadOnlyList<string> BatchItemFailures)
{
    public static StreamFunctionResponse Success { get; } = new([]);
}
