using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Cli;

/// <summary>Parses option values, naming the option and the expected form when they are wrong.</summary>
internal static class CliInput
{
    /// <summary>A <c>YYYY-MM-DD</c> date given to <paramref name="option"/>.</summary>
    /// <exception cref="UsageException">The text is not such a date.</exception>
    public static LocalDate Date(string? text, string option) =>
        !IsoDate.TryParse(text, out var day)
            ? throw new UsageException($"{option} is '{text}': expected a calendar date as YYYY-MM-DD, e.g. 2023-11-15")
            : CreatedAt.IsRewardDay(day)
                ? day
                : throw new UsageException($"{option} is '{text}': expected {CreatedAt.RewardDayRange}");

    /// <summary>An IANA time zone given to <paramref name="option"/>.</summary>
    /// <exception cref="UsageException">The id is not in the tz database.</exception>
    public static DateTimeZone TimeZone(string? id, string option) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id ?? string.Empty)
        ?? throw new UsageException($"{option} is '{id}': expected an IANA time-zone id such as UTC, Europe/Berlin or America/New_York");

    /// <summary><paramref name="value"/> if it lies in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="what"/> names what it counts in the message.</summary>
    /// <exception cref="UsageException">The value is out of range.</exception>
    public static int InRange(int value, string option, int min, int max, string what) =>
        value >= min && value <= max
            ? value
            : throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{option} is {value}: expected {what} from {min} to {max}"));

    /// <summary><paramref name="file"/> if it exists and is a file.</summary>
    /// <exception cref="UsageException">The file is missing or is a directory.</exception>
    public static FileInfo ExistingFile(FileInfo? file, string option) =>
        file is { Exists: true }
            ? file
            : Directory.Exists(file?.FullName)
                ? throw new UsageException($"{option} is '{file!.FullName}': is a directory; expected a file")
                : throw new UsageException($"{option} is '{file?.FullName}': expected an existing file");

    /// <summary><paramref name="file"/> if it can be a file to write: not a directory, in a directory that exists.</summary>
    /// <exception cref="UsageException">The path is a directory, or its directory is missing or is a file.</exception>
    public static FileInfo FileToWrite(FileInfo file, string option)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new UsageException($"{option} is '{file.FullName}': is a directory; expected a file to write");
        }

        var directory = Path.GetDirectoryName(file.FullName);
        return directory is null || Directory.Exists(directory)
            ? file
            : File.Exists(directory)
                ? throw new UsageException($"{option} is '{file.FullName}': '{directory}' is a file; expected a file in a directory")
                : throw new UsageException($"{option} is '{file.FullName}': the directory '{directory}' does not exist");
    }

    /// <summary>
    /// <paramref name="directory"/> if it is a directory this process can keep files in: created when missing, then
    /// checked by creating and deleting a file in it, so that a read-only or virtual file system (<c>/proc</c>,
    /// <c>/sys</c>) is named as such here rather than as a failure of whatever writes there first.
    /// </summary>
    /// <exception cref="UsageException">The path is a file, cannot be created, or cannot be written in.</exception>
    public static DirectoryInfo? DirectoryPath(DirectoryInfo? directory, string option)
    {
        if (directory is null)
        {
            return null;
        }

        var path = directory.FullName;
        if (File.Exists(path))
        {
            throw new UsageException($"{option} is '{path}': is a file; expected a directory");
        }

        const string expected = "expected a directory this user can create files in";
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} is '{path}': the directory cannot be created ({Reason(ex)}); {expected}", ex);
        }

        var probe = Path.Combine(path, FormattableString.Invariant($".reward-analytics.write-check.{Environment.ProcessId}"));
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} is '{path}': no file can be created in it ({Reason(ex)}); {expected}", ex);
        }

        return directory;
    }

    /// <summary>Why the file system refused, in words (the runtime's messages name a path the caller already names).</summary>
    private static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "the file system does not allow it there",
        // The runtime's IOException for an errno it has no type for carries the errno as HResult: EROFS is 30 on Linux and macOS.
        IOException { HResult: 30 } => "the file system is read-only",
        _ => error.Message,
    };
}
