namespace RewardAnalytics.Provisioning.Iam;

/// <summary>
/// One statement of a function's resource-based policy, as Lambda's AddPermission takes it (one Pulumi
/// <c>Aws.Lambda.Permission</c> each): who may call which action, under which function URL condition.
/// </summary>
public sealed record FunctionUrlGrant
{
    /// <summary>The statement id (Lambda: letters, digits, '-', '_', '.'; unique in the function's policy).</summary>
    public required string Sid { get; init; }

    /// <summary><c>lambda:InvokeFunctionUrl</c> or <c>lambda:InvokeFunction</c>.</summary>
    public required string Action { get; init; }

    /// <summary>An account id, or the ARN of a role or user.</summary>
    public required string Principal { get; init; }

    /// <summary>The <c>lambda:FunctionUrlAuthType</c> the statement requires (only with <c>lambda:InvokeFunctionUrl</c>).</summary>
    public string? FunctionUrlAuthType { get; init; }

    /// <summary>The <c>lambda:InvokedViaFunctionUrl</c> the statement requires (only with <c>lambda:InvokeFunction</c>).</summary>
    public bool? InvokedViaFunctionUrl { get; init; }
}
