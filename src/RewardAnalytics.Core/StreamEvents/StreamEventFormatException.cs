namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// The invocation's payload is not a DynamoDB Streams tumbling-window event: the batch fails as a whole (Lambda
/// retries it, then hands it to the on-failure destination) and nothing is written.
/// </summary>
public sealed class StreamEventFormatException : Exception
{
    /// <summary>The payload is not a stream event; the message says where it went wrong.</summary>
    public StreamEventFormatException(string message) : base(message) { }

    /// <summary>The payload is not a stream event, as <paramref name="inner"/> (the JSON reader's error) found.</summary>
    public StreamEventFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>A malformed payload without details.</summary>
    public StreamEventFormatException() { }
}
