namespace RewardAnalytics.Cli;

/// <summary>A file-system failure said as one line for people: the runtime's message without the exception's type name.</summary>
internal static class FileErrors
{
    /// <summary>The message of <paramref name="error"/> (an <see cref="IOException"/>, <see cref="UnauthorizedAccessException"/> or <see cref="InvalidOperationException"/>) on one line.</summary>
    public static string Describe(Exception error) =>
        error.Message.ReplaceLineEndings(" ").Trim() is { Length: > 0 } message ? message : "the operation failed";
}
