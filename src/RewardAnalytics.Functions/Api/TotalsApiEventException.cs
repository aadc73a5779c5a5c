namespace RewardAnalytics.Functions.Api;

/// <summary>The totals API was invoked with a payload that is neither a function URL event nor a custom widget event.</summary>
public sealed class TotalsApiEventException : Exception
{
    /// <summary>An exception with the default message.</summary>
    public TotalsApiEventException()
        : this("is not a totals API event")
    {
    }

    /// <summary>An exception whose <paramref name="message"/> says what was wrong with the payload.</summary>
    public TotalsApiEventException(string message)
        : base(message)
    {
    }

    /// <summary>An exception wrapping the parser's <paramref name="innerException"/>.</summary>
    public TotalsApiEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
