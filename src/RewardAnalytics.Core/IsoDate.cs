using NodaTime;
using NodaTime.Text;

namespace RewardAnalytics.Core;

/// <summary>The project's one date format, ISO <c>yyyy-MM-dd</c>: report names and bodies, item keys, flags, logs.</summary>
public static class IsoDate
{
    /// <summary><paramref name="day"/> as <c>yyyy-MM-dd</c>.</summary>
    public static string Format(LocalDate day) => LocalDatePattern.Iso.Format(day);

    /// <summary>True for exactly ten characters naming a real ISO date.</summary>
    public static bool TryParse(string? text, out LocalDate day)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        day = result.Success ? result.Value : default;
        return result.Success && text!.Length == 10;
    }
}
