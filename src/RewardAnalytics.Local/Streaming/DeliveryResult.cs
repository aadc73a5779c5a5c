namespace RewardAnalytics.Local.Streaming;

/// <summary>How Lambda reads an invocation's end.</summary>
public enum DeliveryResult
{
    /// <summary>The function responded with no batch item failures.</summary>
    Success,
    /// <summary>The function responded with batch item failures: Lambda retries from the first one.</summary>
    PartialFailure,
    /// <summary>The function threw (or died): Lambda retries the batch, bisecting it when so configured.</summary>
    FunctionError,
}
