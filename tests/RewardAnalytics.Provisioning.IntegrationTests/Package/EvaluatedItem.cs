using System.Text.Json;

namespace RewardAnalytics.Provisioning.IntegrationTests.Package;

/// <summary>One item of <c>dotnet msbuild -getItem</c>'s JSON: its identity and metadata.</summary>
public sealed record EvaluatedItem(string Identity, IReadOnlyDictionary<string, string> AllMetadata)
{
    private const string IdentityMember = "Identity"; // msbuild's JSON name, not this record's property

    public string? Metadata(string name) => AllMetadata.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static EvaluatedItem From(JsonElement item) => new(
        item.GetProperty(IdentityMember).GetString() ?? string.Empty,
        item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal));
}
