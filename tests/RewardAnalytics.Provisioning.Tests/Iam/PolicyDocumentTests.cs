using System.Text.Json;
using RewardAnalytics.Provisioning.Iam;

namespace RewardAnalytics.Provisioning.Tests.Iam;

public sealed class PolicyDocumentTests
{
    [Fact]
    public void Policies_are_serialized_json_not_hand_written_strings()
    {
        var json = Policies.TlsOnlyBucket("arn:aws:s3:::bucket-with-\"quote").ToJson();

        Assert.Equal("arn:aws:s3:::bucket-with-\"quote", JsonDocument.Parse(json).RootElement.GetProperty("Statement")[0].GetProperty("Resource")[0].GetString());
    }
}
