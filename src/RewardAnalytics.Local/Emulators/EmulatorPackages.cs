using System.Diagnostics;

namespace RewardAnalytics.Local.Emulators;

/// <summary>
/// Finds <c>tools/local-aws/</c> (package.json + package-lock.json pinning dynalite and s3rver) and installs it with
/// <c>npm ci</c> when <c>node_modules</c> is missing. A file lock keeps concurrent test runs from installing twice.
/// </summary>
public static class EmulatorPackages
{
    /// <summary>Variable that points at the emulator package directory when it is not <c>tools/local-aws/</c> above the working directory.</summary>
    public const string DirectoryVariable = "REWARD_ANALYTICS_LOCAL_AWS_DIR";
    private const string RelativePath = "tools/local-aws";

    /// <summary>How the line that says the first run is installing the emulators begins (the directory follows).</summary>
    public const string InstallingLine = "installing the local emulators (npm ci in ";

    /// <summary>The emulator package directory: <see cref="DirectoryVariable"/>, else <c>tools/local-aws/</c> found by walking up from the working and base directories.</summary>
    /// <exception cref="LocalAwsException">No such directory is found.</exception>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "package.json"))
                ? configured
                : throw new LocalAwsException($"{DirectoryVariable} is '{configured}': expected a directory holding the local-aws package.json.");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new LocalAwsException(
            $"Could not find {RelativePath}/package.json above '{AppContext.BaseDirectory}' or the current directory: " +
            $"run from a clone of the repository or set {DirectoryVariable}.");
    }

    /// <summary>
    /// Runs <c>npm ci</c> in the package directory unless the emulators are already installed, telling
    /// <paramref name="progress"/> first; cancelling stops <c>npm ci</c> (its whole process tree) and removes what it
    /// half-installed, so the next run installs afresh.
    /// </summary>
    public static async Task EnsureInstalledAsync(string directory, Action<string>? progress, CancellationToken cancellationToken)
    {
        if (IsInstalled(directory))
        {
            return;
        }

        await using var installLock = await AcquireLockAsync(Path.Combine(directory, ".npm-ci.lock"), cancellationToken).ConfigureAwait(false);
        if (IsInstalled(directory))
        {
            return;
        }

        progress?.Invoke(InstallingMessage(directory, Directory.GetCurrentDirectory()));
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LocalAwsException("npm could not be started.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LocalAwsException(
                "npm was not found on PATH: install Node.js 20 or newer with npm; the local emulators (dynalite, s3rver) are npm packages.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                StopAndDiscard(process, directory);
                throw;
            }

            if (process.ExitCode != 0)
            {
                throw new LocalAwsException(
                    $"'npm ci' in {directory} failed with exit code {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()} {(await stdout.ConfigureAwait(false)).Trim()}");
            }
        }

        if (!IsInstalled(directory))
        {
            throw new LocalAwsException($"'npm ci' in {directory} finished but dynalite or s3rver is still missing from node_modules.");
        }
    }

    /// <summary>
    /// The line printed (on stderr) before the first run's <c>npm ci</c>: the directory relative to
    /// <paramref name="currentDirectory"/> when it is below it (<c>tools/local-aws</c> from a clone's root, as README
    /// quotes it), else absolute.
    /// </summary>
    public static string InstallingMessage(string directory, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, directory);
        var shown = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? directory
            : relative.Replace(Path.DirectorySeparatorChar, '/');
        return $"{InstallingLine}{shown}, first run only; a minute or two) …";
    }

    /// <summary>Path of dynalite's command-line entry point inside <paramref name="directory"/>.</summary>
    public static string DynaliteCli(string directory) => Path.Combine(directory, "node_modules", "dynalite", "cli.js");

    /// <summary>Path of s3rver's command-line entry point inside <paramref name="directory"/>.</summary>
    public static string S3rverCli(string directory) => Path.Combine(directory, "node_modules", "s3rver", "bin", "s3rver.js");

    private static void StopAndDiscard(Process npm, string directory)
    {
        try
        {
            npm.Kill(entireProcessTree: true);
            npm.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }

        try
        {
            Directory.Delete(Path.Combine(directory, "node_modules"), recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // npm ci starts by removing node_modules anyway.
        }
    }

    private static bool IsInstalled(string directory) => File.Exists(DynaliteCli(directory)) && File.Exists(S3rverCli(directory));

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
