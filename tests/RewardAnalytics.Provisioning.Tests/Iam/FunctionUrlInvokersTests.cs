using System.Text.Json;
using RewardAnalytics.Provisioning.Iam;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests.Iam;

/// <summary>
/// <c>totalsApiInvokers</c>: a function URL created since October 2025 takes a request only from a caller allowed both
/// <c>lambda:InvokeFunctionUrl</c> and <c>lambda:InvokeFunction</c>; each named principal gets both in the function's
/// resource policy, each under the condition key AWS documents for function URLs.
/// </summary>
public sealed class FunctionUrlInvokersTests
{
    private const string Function = "arn:aws:lambda:eu-west-1:123456789012:function:reward-analytics-prod-totals-api";
    private const string Reporting = "arn:aws:iam::444455556666:role/reporting";

    [Fact]
    public void Each_principal_gets_the_url_action_on_an_aws_iam_url_and_invoke_only_through_the_url()
    {
        var settings = Config.Settings("prod", (ConfigKeys.TotalsApiInvokers, $"{Reporting}, 777788889999"));

        var policy = JsonDocument.Parse(FunctionUrlInvokers.ResourcePolicy(Function, FunctionUrlInvokers.Grants(settings.TotalsApiInvokers)).ToJson()).RootElement;
        var statements = policy.GetProperty("Statement").EnumerateArray().Select(s => (
            Principal: s.GetProperty("Principal").GetProperty("AWS").GetString(),
            Action: Assert.Single(s.GetProperty("Action").EnumerateArray()).GetString(),
            Resource: Assert.Single(s.GetProperty("Resource").EnumerateArray()).GetString(),
            Condition: s.GetProperty("Condition").GetRawText(),
            Effect: s.GetProperty("Effect").GetString())).ToList();

        Assert.Equal(
            [
                (Reporting, "lambda:InvokeFunctionUrl", Function, """{"StringEquals":{"lambda:FunctionUrlAuthType":"AWS_IAM"}}""", "Allow"),
                (Reporting, "lambda:InvokeFunction", Function, """{"Bool":{"lambda:InvokedViaFunctionUrl":"true"}}""", "Allow"),
                ("777788889999", "lambda:InvokeFunctionUrl", Function, """{"StringEquals":{"lambda:FunctionUrlAuthType":"AWS_IAM"}}""", "Allow"),
                ("777788889999", "lambda:InvokeFunction", Function, """{"Bool":{"lambda:InvokedViaFunctionUrl":"true"}}""", "Allow"),
            ],
            statements);
    }

    [Fact]
    public void Statement_ids_are_unique_valid_for_lambda_and_follow_the_principal_not_its_position()
    {
        var forward = FunctionUrlInvokers.Grants([Reporting, "777788889999"]);
        var reversed = FunctionUrlInvokers.Grants(["777788889999", Reporting]);

        Assert.Equal(forward.Count, forward.Select(g => g.Sid).Distinct().Count());
        Assert.All(forward, g => Assert.Matches("^[a-zA-Z0-9_.-]{1,100}$", g.Sid));
        Assert.Equal(forward.OrderBy(g => g.Sid, StringComparer.Ordinal), reversed.OrderBy(g => g.Sid, StringComparer.Ordinal));
    }

    [Fact]
    public void No_invokers_means_no_resource_policy_statement()
    {
        Assert.Empty(FunctionUrlInvokers.Grants(Config.Settings("prod").TotalsApiInvokers));
    }

    [Fact]
    public void The_program_declares_one_permission_per_grant_with_its_condition()
    {
        var program = File.ReadAllText(Path.Combine(Repository.Root, "pulumi", "FunctionResources.cs"));

        Assert.Contains("foreach (var grant in FunctionUrlInvokers.Grants(settings.TotalsApiInvokers))", program, StringComparison.Ordinal);
        Assert.Contains("permissionArgs.FunctionUrlAuthType = authType;", program, StringComparison.Ordinal);
        Assert.Contains("permissionArgs.InvokedViaFunctionUrl = viaUrl;", program, StringComparison.Ordinal);
        Assert.Contains("StatementId = grant.Sid,", program, StringComparison.Ordinal);
    }
}
