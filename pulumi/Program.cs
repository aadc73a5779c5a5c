using RewardAnalytics.Infrastructure;

return await Pulumi.Deployment.RunAsync(RewardAnalyticsStack.DeclareAsync).ConfigureAwait(false);
