using RewardAnalytics.Provisioning.IntegrationTests.PulumiApi;
using Xunit.Abstractions;

namespace RewardAnalytics.Provisioning.IntegrationTests;

/// <summary>
/// The Pulumi program cannot be compiled here (Pulumi packages are not served), so it is parsed with Roslyn and every
/// Pulumi.Aws name it uses is looked up in the @pulumi/aws 7.48.0 declarations, generated from the same schema.
/// </summary>
public sealed class PulumiProgramTests(ITestOutputHelper output)
{
    [Fact]
    public void The_pulumi_program_parses_without_syntax_errors()
    {
        var files = Repository.PulumiProgram();

        Assert.NotEmpty(files);
        Assert.Empty(PulumiProgramApiCheck.SyntaxErrors(files));
    }

    [Fact]
    public void Every_pulumi_aws_type_and_property_the_program_names_exists_in_pulumi_aws()
    {
        var package = PulumiAwsPackage.Instance;
        var check = new PulumiProgramApiCheck(package.Declarations);

        check.Check(Repository.PulumiProgram());

        Assert.Equal("7.48.0", package.Version);
        Assert.Empty(check.Problems);
        Assert.True(check.Checked.Count > 100, $"only {check.Checked.Count} names were checked: the scanner is not seeing the program");
        output.WriteLine($"[figures] pulumi program: {check.Checked.Count} Pulumi.Aws types and properties found in @pulumi/aws {package.Version}");
        output.WriteLine(string.Join(Environment.NewLine, check.Checked));
    }

    [Fact]
    public void The_check_reports_a_misspelled_property_a_missing_type_and_a_wrong_module()
    {
        var check = new PulumiProgramApiCheck(PulumiAwsPackage.Instance.Declarations);

        check.Check([("Bad.cs", """
            using Aws = Pulumi.Aws;
            var table = new Aws.DynamoDB.Table("t", new Aws.DynamoDB.TableArgs { HashKey = "pk", HashKeys = "pk" });
            var arn = table.StreamArnn;
            var queue = new Aws.Sqs.Queues("q");
            var bucket = new Aws.Dynamo.Bucket("b");
            var attribute = new Aws.DynamoDB.Inputs.TableAttributeArgs { Name = "pk", Kind = "S" };
            var found = Aws.DynamoDB.GetTablez.Invoke(new Aws.DynamoDB.GetTableInvokeArgs { Name = "rewards" });
            """)]);

        Assert.Equal(
            [
                "Bad.cs:2: 'Aws.DynamoDB.TableArgs.HashKeys' has no property dynamodb/TableArgs.hashKeys in @pulumi/aws",
                "Bad.cs:3: 'Aws.DynamoDB.Table.StreamArnn' has no property dynamodb/Table.streamArnn in @pulumi/aws",
                "Bad.cs:4: 'Aws.Sqs.Queues' has no sqs/Queues in @pulumi/aws",
                "Bad.cs:5: 'Aws.Dynamo.Bucket' is not a Pulumi.Aws name this check understands (Aws.<Module>.<Type>, Aws.<Module>.Inputs.<Type>Args, Aws.<Module>.Get<X>.Invoke)",
                "Bad.cs:6: 'Aws.DynamoDB.Inputs.TableAttributeArgs.Kind' has no property inputs.dynamodb.TableAttribute.kind in @pulumi/aws",
                "Bad.cs:7: 'Aws.DynamoDB.GetTablez.Invoke' has no function dynamodb.getTablezOutput in @pulumi/aws",
            ],
            check.Problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_deployed_runtime_is_one_pulumi_aws_knows()
    {
        var enums = File.ReadAllText(Path.Combine(PulumiAwsPackage.Instance.PackageDirectory, "types", "enums", "lambda", "index.d.ts"));

        Assert.Contains($"\"{LambdaHandlers.Runtime}\"", enums, StringComparison.Ordinal);
    }
}
