namespace RewardAnalytics.Local.Lambda;

/// <summary>
/// The function's log format (<c>AWS_LAMBDA_LOG_FORMAT</c>, the <c>LogFormat</c> of its logging config), as the managed
/// .NET runtime reads it: <c>JSON</c> (any case) wraps each <c>Console.Out</c> line in a JSON object; anything else is
/// text, prefixed with the time, the request id and the level. The stack deploys <see cref="Json"/>.
/// </summary>
public enum LambdaLogFormat
{
    /// <summary><c>timestamp\trequestId\tinfo\tline</c>.</summary>
    Text,

    /// <summary><c>{"timestamp","level","requestId","message":"line"}</c>.</summary>
    Json,
}
