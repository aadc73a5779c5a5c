using NodaTime;

namespace RewardAnalytics.Core;

/// <summary>
/// A day's items in the aggregates table cannot be read: a stored sum beyond <see cref="AmountBounds"/> or not a number,
/// a count that is not a whole number, a FINAL item without its revision. Nothing this service writes looks like
/// that, so a rerun does not repair it: the day is an error on its own (the other days are read, totalled and
/// finalized), and the message names the item and what to do.
/// </summary>
public class UnreadableDayException : Exception
{
    /// <summary>The day <paramref name="day"/> cannot be read; <paramref name="problem"/> names the item, the attribute and what it holds.</summary>
    public UnreadableDayException(LocalDate day, string problem)
        : base($"the items of {IsoDate.Format(day)} cannot be read: {problem}; a rerun does not repair this: delete or repair the item by hand, " +
               $"then run reward-analytics reconcile --from {IsoDate.Format(day)} --to {IsoDate.Format(day)} --fix")
    {
        Day = day;
    }

    /// <summary>An unreadable day without details.</summary>
    public UnreadableDayException() { }

    /// <summary>An unreadable day, with the caller's message.</summary>
    public UnreadableDayException(string message) : base(message) { }

    /// <summary>An unreadable day, with the caller's message, caused by <paramref name="inner"/>.</summary>
    public UnreadableDayException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The day <paramref name="day"/> cannot be read as asked; <paramref name="message"/> is the whole message (for a derived refusal).</summary>
    protected UnreadableDayException(LocalDate day, string message, Exception? inner)
        : base(message, inner)
    {
        Day = day;
    }

    /// <summary>The day whose items cannot be read.</summary>
    public LocalDate Day { get; }
}
