using System.Diagnostics;
using System.Globalization;

namespace RewardAnalytics.Local.Emulators;

/// <summary>
/// Holds a <c>--data</c> directory for one local world at a time: an exclusive lock on a file in it (released by the
/// system when the process ends, however it ends) and, beside it, the process id and command line of the holder and
/// its emulators' process ids, so that a second world on the same directory is refused naming who has it instead of
/// failing on a refused connection, and so are emulators a killed holder left running.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private const string LockFileName = ".reward-analytics.lock";
    private const string OwnerFileName = ".reward-analytics.owner";
    private const string EmulatorPrefix = "emulator ";
    private static readonly TimeSpan LeftoverGrace = TimeSpan.FromSeconds(3);
    private readonly FileStream _lock;
    private readonly string _directory;

    private DataDirectoryLock(FileStream held, string directory)
    {
        _lock = held;
        _directory = directory;
    }

    /// <summary>Locks <paramref name="directory"/> (created if missing) for this process.</summary>
    /// <exception cref="LocalAwsException">Another process holds it, or emulators a killed holder started still run on it; the message names them.</exception>
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
            RefuseLeftoverEmulators(directory);
            WriteOwner(directory, []);
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return new DataDirectoryLock(held, directory);
    }

    /// <summary>Records the emulators this process runs on the directory, so a run after this process was killed can name them if they outlived it.</summary>
    public void RecordEmulators(IEnumerable<(string Name, int ProcessId)> emulators) => WriteOwner(_directory, emulators);

    /// <summary>Releases the directory.</summary>
    public void Dispose() => _lock.Dispose();

    private static void WriteOwner(string directory, IEnumerable<(string Name, int ProcessId)> emulators) =>
        File.WriteAllText(Path.Combine(directory, OwnerFileName),
            FormattableString.Invariant($"{Environment.ProcessId}\n{Environment.CommandLine.ReplaceLineEndings(" ")}\n") +
            string.Concat(emulators.Select(e => FormattableString.Invariant($"{EmulatorPrefix}{e.Name} {e.ProcessId}\n"))));

    /// <summary>
    /// The emulators die with the process that started them; if the last holder was killed and one of its emulators
    /// still runs on the directory (given a moment to exit), refuses, naming their process ids.
    /// </summary>
    private static void RefuseLeftoverEmulators(string directory)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(directory, OwnerFileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var recorded = lines
            .Where(l => l.StartsWith(EmulatorPrefix, StringComparison.Ordinal))
            .Select(l => l[EmulatorPrefix.Length..].Split(' '))
            .Where(p => p.Length == 2 && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(p => (Name: p[0], ProcessId: int.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToArray();
        var waited = Stopwatch.StartNew();
        var running = recorded.Where(e => RunsOn(e.ProcessId, directory)).ToArray();
        while (running.Length > 0 && waited.Elapsed < LeftoverGrace)
        {
            Thread.Sleep(100);
            running = running.Where(e => RunsOn(e.ProcessId, directory)).ToArray();
        }

        if (running.Length > 0)
        {
            var holder = lines is [var pid, var command, ..] ? $"process {pid} ({command})" : "an earlier process";
            throw new LocalAwsException(
                $"the data directory {directory} is still used by emulators that {holder} started and left running when it was killed: " +
                $"{string.Join(", ", running.Select(e => FormattableString.Invariant($"{e.Name} (pid {e.ProcessId})")))}; " +
                $"stop them (kill {string.Join(' ', running.Select(e => e.ProcessId.ToString(CultureInfo.InvariantCulture)))}) and run again.");
        }
    }

    /// <summary>Whether <paramref name="processId"/> is a running process whose command line names <paramref name="directory"/> (not a reused pid).</summary>
    private static bool RunsOn(int processId, string directory)
    {
        var cmdline = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/cmdline";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                return File.Exists(cmdline) && File.ReadAllText(cmdline).Contains(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && process.ProcessName.StartsWith("node", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

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
