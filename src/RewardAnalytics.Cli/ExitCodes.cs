namespace RewardAnalytics.Cli;

/// <summary>The command's exit codes, which operators script against.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked and every check matched.</summary>
    public const int Success = 0;

    /// <summary>A check failed (a mismatch, a failed invocation, an unreachable endpoint).</summary>
    public const int Failed = 1;

    /// <summary>The command line or the environment was wrong.</summary>
    public const int Usage = 2;
}
