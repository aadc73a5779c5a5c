using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.Tests.Documentation;

/// <summary>Every relative link in README.md and docs/*.md leads to a file that exists, and an anchor to a heading in it.</summary>
public sealed class DocumentLinkTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        foreach (var path in Directory.EnumerateFiles(RepositoryRoot.Combine("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            documents.Add($"docs/{Path.GetFileName(path)}");
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_of_the_document_resolves_to_a_file_and_heading_that_exist(string document)
    {
        var file = MarkdownFile.Read(RepositoryRoot.Combine(document));
        var broken = new List<string>();

        foreach (var target in file.LinkTargets().Where(IsRelative))
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var relativePath = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var path = relativePath.Length == 0
                ? file.FullPath
                : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.FullPath)!, Uri.UnescapeDataString(relativePath)));

            if (!File.Exists(path) && !Directory.Exists(path))
            {
                broken.Add($"{target}: no file {Path.GetRelativePath(RepositoryRoot.FullPath, path)}");
            }
            else if (anchor is not null && !(path.EndsWith(".md", StringComparison.Ordinal) && MarkdownFile.Read(path).Anchors().Contains(anchor)))
            {
                broken.Add($"{target}: no heading with the anchor #{anchor} in {Path.GetRelativePath(RepositoryRoot.FullPath, path)}");
            }
        }

        Assert.True(broken.Count == 0, $"{document} has broken links:\n{string.Join('\n', broken)}");
    }

    [Theory]
    [InlineData("## Settings (`pulumi config set <key> <value> -s <stack>`)", "settings-pulumi-config-set-key-value--s-stack")]
    [InlineData("### The finalizer's retries are Lambda's", "the-finalizers-retries-are-lambdas")]
    [InlineData("## 2. Logs and metrics under `LogFormat = JSON`", "2-logs-and-metrics-under-logformat--json")]
    [InlineData("### IAM: where `*` is used, and why", "iam-where--is-used-and-why")]
    public void A_heading_anchor_is_the_slug_GitHub_gives_it(string heading, string anchor)
    {
        Assert.Equal(anchor, MarkdownFile.Slug(heading.TrimStart('#', ' ')));
    }

    private static bool IsRelative(string target) =>
        !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal);
}
