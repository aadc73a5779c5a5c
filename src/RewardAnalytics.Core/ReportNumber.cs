using System.Globalization;

namespace RewardAnalytics.Core;

/// <summary>
/// Formats amounts the way the original Python service's <c>json.dumps</c> showed them: exact digits,
/// no trailing zeros, and always a fraction (<c>1500.0</c>, <c>12.34</c>, <c>0.0</c>).
/// </summary>
public static class ReportNumber
{
    /// <summary><paramref name="amount"/> with its exact digits, trailing zeros dropped, at least one fraction digit.</summary>
    public static string Format(decimal amount)
    {
        var text = amount.ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text + ".0";
        }

        var end = text.Length;
        while (end > dot + 2 && text[end - 1] == '0')
        {
            end--;
        }

        return text[..end];
    }
}
