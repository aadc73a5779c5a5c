namespace RewardAnalytics.Core.Finalization;

/// <summary>Where the finalizer's EMF lines end up, as its composition knows (the finalizer itself never guesses from its environment).</summary>
public enum MetricsDelivery
{
    /// <summary>A Lambda function's log stream: CloudWatch Logs extracts the metrics (the deployed function).</summary>
    LambdaLogStream,

    /// <summary>A process outside Lambda (the CLI on a person's machine): no line reaches CloudWatch, so none is published or recorded as published.</summary>
    OutsideLambda,
}
