namespace RewardAnalytics.Local.Streaming;

/// <summary>How Lambda reads an invocation's end.</summary>
public enum DeliveryResult
{
    Success,
    PartialFailure,
    FunctionError,
}
