namespace RewardAnalytics.Local.Emulators;

/// <summary>
/// Holds a <c>--data</c> directory for one local world at a time: an exclusive lock on a file in it (released by the
/// system when the process ends, however it ends) and, beside it, the process id and command line of the holder, so
/// that a second world on the same directory is refused naming who has it instead of failing on a refused connection.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private const string LockFileName = ".reward-analytics.lock";
    private const string OwnerFileName = ".reward-analytics.owner";
    private readonly FileStream _lock;

    private DataDirectoryLock(FileStream held) => _lock = held;

    /// <summary>Locks <paramref name="directory"/> (created if missing) for this process.</summary>
    /// <exception cref="LocalAwsException">Another process holds it; the message names that process.</exception>
    public static DataDirectoryLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        FileStream held;
        try
        {
            held = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new LocalAwsException(
                $"the data directory {directory} is in use by {Owner(directory)}; stop that process first or give another directory.");
        }

        try
        {
            File.WriteAllText(Path.Combine(directory, OwnerFileName),
                FormattableString.Invariant($"{Environment.ProcessId}\n{Environment.CommandLine.ReplaceLineEndings(" ")}\n"));
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return new DataDirectoryLock(held);
    }

    /// <summary>Releases the directory.</summary>
    public void Dispose() => _lock.Dispose();

    private static string Owner(string directory)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(directory, OwnerFileName));
            return lines is [var pid, var command, ..] ? $"process {pid} ({command})" : lines is [var only] ? $"process {only}" : "another process";
        }
        catch (IOException)
        {
            return "another process";
        }
        catch (UnauthorizedAccessException)
        {
            return "another process";
        }
    }
}
