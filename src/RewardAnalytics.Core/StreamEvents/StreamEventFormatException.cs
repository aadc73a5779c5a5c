namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// The invocation's payload is not a DynamoDB Streams tumbling-window event: the batch fails as a whole (Lambda
/// retries it, then hands it to the on-failure destination) and nothing is written.
/// </summary>
public sealed class StreamEventFormatException : Exception
{
    public StreamEventFormatException(string message) : base(message) { }

    public StreamEventFormatException(string message, Exception inner) : base(message, inner) { }

    public StreamEventFormatException() { }
}
