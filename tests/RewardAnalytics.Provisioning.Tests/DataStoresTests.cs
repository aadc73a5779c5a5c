namespace RewardAnalytics.Provisioning.Tests;

public sealed class DataStoresTests
{
    [Theory]
    [InlineData(true, "NEW_AND_OLD_IMAGES", "arn:stream", null)]
    [InlineData(false, "", "", "The rewards table 'rewards' has no stream: enable DynamoDB Streams on it with view type NEW_AND_OLD_IMAGES (the aggregator reads every change from it), then run pulumi up again.")]
    [InlineData(true, "NEW_IMAGE", "arn:stream", "The rewards table 'rewards' streams NEW_IMAGE: the aggregator needs NEW_AND_OLD_IMAGES (a MODIFY or REMOVE is counted as new image minus old image). Change the stream's view type, then run pulumi up again.")]
    public void An_existing_rewards_table_must_stream_new_and_old_images(bool enabled, string viewType, string arn, string? expected)
    {
        Assert.Equal(expected, DataStores.RewardsStreamProblem("rewards", enabled, viewType, arn));
    }
}
