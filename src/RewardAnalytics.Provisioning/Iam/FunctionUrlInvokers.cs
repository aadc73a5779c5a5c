using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RewardAnalytics.Provisioning.Iam;

/// <summary>
/// Who may call the totals API over its function URL (<c>totalsApiInvokers</c>), and the resource-policy statements that
/// let them. Since October 2025 a new function URL takes a request only from a caller allowed both
/// <c>lambda:InvokeFunctionUrl</c> and <c>lambda:InvokeFunction</c> (AWS Lambda Developer Guide, "Control access to Lambda
/// function URLs"); each principal gets both, each under the condition key AWS documents for it:
/// <c>lambda:FunctionUrlAuthType = AWS_IAM</c> and <c>lambda:InvokedViaFunctionUrl = true</c>, so the grant covers
/// requests through the URL and nothing else (no direct Invoke).
/// </summary>
public static partial class FunctionUrlInvokers
{
    /// <summary>The function URL action.</summary>
    public const string InvokeFunctionUrlAction = "lambda:InvokeFunctionUrl";
    /// <summary>The invoke action a function URL created since October 2025 also checks.</summary>
    public const string InvokeFunctionAction = "lambda:InvokeFunction";
    /// <summary>Condition key of <see cref="InvokeFunctionUrlAction"/>: the URL's auth type.</summary>
    public const string FunctionUrlAuthTypeKey = "lambda:FunctionUrlAuthType";
    /// <summary>Condition key of <see cref="InvokeFunctionAction"/>: true only for an invocation through the function URL.</summary>
    public const string InvokedViaFunctionUrlKey = "lambda:InvokedViaFunctionUrl";

    /// <summary>
    /// The principals in <paramref name="raw"/> (separated by commas or white space): 12-digit account ids, or IAM role or
    /// user ARNs. Null with <paramref name="problem"/> set (what follows the key in the error) when one is neither.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string? raw, out string? problem)
    {
        problem = null;
        var principals = (raw ?? string.Empty).Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var bad = principals.Where(p => !Principal().IsMatch(p)).ToList();
        if (bad.Count > 0)
        {
            problem = $"has {string.Join(", ", bad.Select(b => "'" + b + "'"))}: expected principals separated by commas, each a 12-digit account id " +
                      "or the ARN of an IAM role or user, such as 'arn:aws:iam::123456789012:role/reporting'";
            return null;
        }

        return principals.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Two statements per principal: the URL action on an AWS_IAM URL, and Invoke only through the URL.</summary>
    public static IReadOnlyList<FunctionUrlGrant> Grants(IReadOnlyList<string> principals)
    {
        ArgumentNullException.ThrowIfNull(principals);
        return principals.SelectMany(principal =>
        {
            var id = StatementSuffix(principal);
            return new[]
            {
                new FunctionUrlGrant
                {
                    Sid = "TotalsUrl-" + id, Action = InvokeFunctionUrlAction, Principal = principal,
                    FunctionUrlAuthType = Settings.StackSettings.TotalsApiAuthIam,
                },
                new FunctionUrlGrant
                {
                    Sid = "TotalsInvokeViaUrl-" + id, Action = InvokeFunctionAction, Principal = principal, InvokedViaFunctionUrl = true,
                },
            };
        }).ToList();
    }

    /// <summary>The function's resource-based policy the grants make, as Lambda's GetPolicy shows it (for review and tests).</summary>
    public static PolicyDocument ResourcePolicy(string functionArn, IReadOnlyList<FunctionUrlGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return new PolicyDocument(grants.Select(g => new PolicyStatement
        {
            Sid = g.Sid,
            Principal = new Dictionary<string, string> { ["AWS"] = g.Principal },
            Action = [g.Action],
            Resource = [functionArn],
            Condition = g.FunctionUrlAuthType is { } authType
                ? new Dictionary<string, IReadOnlyDictionary<string, string>> { ["StringEquals"] = new Dictionary<string, string> { [FunctionUrlAuthTypeKey] = authType } }
                : g.InvokedViaFunctionUrl is { } via
                    ? new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Bool"] = new Dictionary<string, string> { [InvokedViaFunctionUrlKey] = via ? "true" : "false" } }
                    : null,
        }).ToList());
    }

    /// <summary>A short stable id of a principal (the same principal keeps its statement ids when the list is reordered).</summary>
    private static string StatementSuffix(string principal) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(principal)))[..12];

    [GeneratedRegex(@"^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:(root|(role|user)/[\w+=,.@/-]{1,512}))$")]
    private static partial Regex Principal();
}
