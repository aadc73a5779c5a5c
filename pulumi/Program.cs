using RewardAnalytics.Infrastructure;

// Pulumi.Deployment is named in full: RewardAnalytics.Deployment is also a namespace.
return await global::Pulumi.Deployment.RunAsync(RewardAnalyticsStack.DeclareAsync).ConfigureAwait(false);
