using System.Text.Json;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Cli;

/// <summary>
/// What a person's finalizer payload file should be checked for before the function reads it: an empty file is not
/// JSON (the function would finalize yesterday), and an object with keys but no <c>date</c>, or JSON that is not an
/// object at all, is most likely a mistake.
/// </summary>
internal static class FinalizePayload
{
    /// <summary>
    /// A warning when the payload names no day although it says something (an object with keys but no <c>date</c>, or JSON
    /// that is not an object); null for <c>{}</c> and for a payload with a <c>date</c>. <paramref name="input"/> names the file.
    /// </summary>
    /// <exception cref="UsageException">The payload is empty or blank.</exception>
    public static string? Check(ReadOnlySpan<byte> payload, string input)
    {
        payload = Utf8Text.WithoutByteOrderMark(payload).Trim(" \t\r\n"u8);
        if (payload.IsEmpty)
        {
            throw new UsageException($"{input} is empty, which is not JSON: expected {{\"date\":\"YYYY-MM-DD\"}}, or {{}} to finalize yesterday");
        }

        string[] keys;
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                // The function takes any JSON without a date as the schedule's "yesterday"; a person's [] or "2023-11-15" is
                // more likely a mistake than a wish for yesterday.
                return $"{input} is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object with " +
                       $"\"{FinalizeRequest.DateProperty}\", so yesterday is finalized";
            }

            keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        }
        catch (JsonException)
        {
            return null; // The function refuses it with its own message.
        }

        if (keys.Length == 0 || keys.Contains(FinalizeRequest.DateProperty, StringComparer.Ordinal))
        {
            return null;
        }

        var near = keys.FirstOrDefault(k => string.Equals(k.Trim(), FinalizeRequest.DateProperty, StringComparison.OrdinalIgnoreCase));
        return $"{input} has no \"{FinalizeRequest.DateProperty}\" (its keys: {string.Join(", ", keys.Select(k => $"\"{k}\""))}), so yesterday is finalized" +
               (near is null ? "" : $"; unknown key \"{near}\": did you mean \"{FinalizeRequest.DateProperty}\"?");
    }
}
