using RewardAnalytics.Aws;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Functions;

/// <summary>
/// The settings check of the constructors Lambda calls. RuntimeSupport constructs the handler type by reflection and
/// reports what the constructor throws as it is: init error <c>TargetInvocationException</c>, "Exception has been
/// thrown by the target of an invocation", the <see cref="SettingsException"/> only under <c>cause</c>, and its own log
/// line of that exception starts with the same words. So the settings are checked first and, when bad, one line naming
/// every bad variable goes to <c>Console.Error</c> (which the runtime wraps as an <c>Error</c> entry) before the
/// exception fails the init: the first line of the cold start's log is the one an operator needs.
/// </summary>
internal static class ColdStart
{
    /// <summary>
    /// <paramref name="environment"/> once <paramref name="read"/> (a settings reader) and the endpoint check accept it;
    /// otherwise writes <c>&lt;function&gt; cannot start: Invalid settings: …</c> to <paramref name="error"/> and rethrows.
    /// </summary>
    /// <exception cref="SettingsException">A setting is missing or malformed (the init must fail).</exception>
    public static EnvironmentReader Checked<TSettings>(string function, EnvironmentReader environment, Func<EnvironmentReader, TSettings> read, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            _ = read(AwsEndpoints.Check(environment));
        }
        catch (SettingsException ex)
        {
            error.WriteLine($"{function} cannot start: {ex.Message}");
            error.Flush();
            throw;
        }

        return environment;
    }
}
