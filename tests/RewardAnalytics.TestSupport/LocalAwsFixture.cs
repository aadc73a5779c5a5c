using RewardAnalytics.Local.Emulators;
using Xunit;

namespace RewardAnalytics.TestSupport;

/// <summary>
/// Starts the local emulators (dynalite, s3rver) once for a test collection, installing them with npm ci if needed.
/// When they cannot start, every test that asks for <see cref="World"/> fails with the reason: never a silent skip.
/// </summary>
public sealed class LocalAwsFixture : IAsyncLifetime
{
    private LocalAwsWorld? _world;
    private Exception? _startFailure;

    public LocalAwsWorld World => _world ?? throw new InvalidOperationException(
        $"The local emulators (dynalite, s3rver) could not be started, so this test cannot run: {_startFailure?.Message}", _startFailure);

    public async Task InitializeAsync()
    {
        try
        {
            _world = await LocalAwsWorld.StartAsync(new LocalAwsOptions());
        }
        catch (Exception ex)
        {
            _startFailure = ex;
        }
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }
}
