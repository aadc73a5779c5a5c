namespace RewardAnalytics.Cli.Commands;

/// <summary>
/// <c>local serve --env-file</c>'s file: written once the world is up, removed when serve ends (Ctrl-C included), so
/// no file with dead ports is left for the next <c>set -a; . FILE</c> or the cutover rehearsal to trip on. A file that
/// no longer holds what serve wrote (another serve took it over) is left alone.
/// </summary>
internal sealed class ServedEnvironmentFile : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _lines;

    private ServedEnvironmentFile(string path, string lines)
    {
        _path = path;
        _lines = lines;
    }

    /// <summary>Writes <paramref name="lines"/> to <paramref name="file"/> (nothing when it is null); disposing removes it.</summary>
    public static async Task<ServedEnvironmentFile?> WriteAsync(FileInfo? file, string lines, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        await File.WriteAllTextAsync(file.FullName, lines, cancellationToken).ConfigureAwait(false);
        return new ServedEnvironmentFile(file.FullName, lines);
    }

    /// <summary>Removes the file if it still holds what serve wrote.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(_path) && await File.ReadAllTextAsync(_path, CancellationToken.None).ConfigureAwait(false) == _lines)
            {
                File.Delete(_path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the ports in it are dead either way once serve has ended.
        }
    }
}
