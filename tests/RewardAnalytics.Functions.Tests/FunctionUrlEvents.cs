using System.Text;
using System.Text.Json.Nodes;

namespace RewardAnalytics.Functions.Tests;

/// <summary>
/// Function URL events built from the fixture shaped like AWS's documented payload (format 2.0, IAM authorizer): only
/// the method, path and query change, the way Lambda fills them for another request.
/// </summary>
internal static class FunctionUrlEvents
{
    public const string RequestFixture = "function-url-request-event.json";

    public static byte[] Get(string path, params (string Name, string Value)[] query) => Request("GET", path, query);

    public static byte[] Request(string method, string path, params (string Name, string Value)[] query)
    {
        var root = JsonNode.Parse(FunctionEvents.Fixture(RequestFixture))!.AsObject();
        root["rawPath"] = path;
        root["rawQueryString"] = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        if (query.Length > 0)
        {
            var parameters = new JsonObject();
            foreach (var group in query.GroupBy(p => p.Name))
            {
                // Lambda joins a repeated parameter's values with commas.
                parameters[group.Key] = string.Join(',', group.Select(p => p.Value));
            }

            root["queryStringParameters"] = parameters;
        }

        var http = root["requestContext"]!["http"]!;
        http["method"] = method;
        http["path"] = path;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
