namespace RewardAnalytics.LambdaHost;

/// <summary>The host's exit codes: which stage of a Lambda cold start or invocation failed.</summary>
public static class LambdaHostExit
{
    public const int Success = 0;

    /// <summary>The command line was not <c>&lt;handler&gt; &lt;event file&gt; [&lt;response file&gt;]</c>.</summary>
    public const int Usage = 2;

    /// <summary>The handler string did not resolve: assembly, type, method, overloads, signature or constructor.</summary>
    public const int HandlerNotBound = 3;

    /// <summary>The process does not run with the function's runtimeconfig.json settings.</summary>
    public const int RuntimeConfigNotApplied = 4;

    /// <summary>The handler type's constructor (Lambda's init phase) threw.</summary>
    public const int InitFailed = 5;

    /// <summary>The handler method threw or returned no stream.</summary>
    public const int InvokeFailed = 6;
}
