using System.Text;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// A hash that is the same in every process (FNV-1a, then a SplitMix64 finish): string.GetHashCode is randomized
/// per process, and shard placement and fault decisions must be reproducible from a seed.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>A 64-bit hash of the parts' invariant text forms, the same in every process.</summary>
    public static ulong Of(params ReadOnlySpan<object> parts)
    {
        var hash = Offset;
        foreach (var part in parts)
        {
            var text = part switch
            {
                string s => s,
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => part?.ToString() ?? string.Empty,
            };
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash = (hash ^ b) * Prime;
            }

            hash = (hash ^ 0x1F) * Prime; // separator, so ("ab","c") and ("a","bc") differ
        }

        return Mix(hash);
    }

    /// <summary>A number in [0, 1) determined by the parts.</summary>
    public static double Unit(params ReadOnlySpan<object> parts) => (Of(parts) >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
