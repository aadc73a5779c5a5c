using System.Text.RegularExpressions;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.Tests.Documentation;

/// <summary>
/// Every relative link in README.md, docs/*.md and pulumi/README.md leads to a file that exists, and an anchor to a heading
/// in it; a section of another document named in words is a heading it has.
/// </summary>
public sealed partial class DocumentLinkTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md", "pulumi/README.md" };
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

    /// <summary>Words like <c>the root README's "Deploy" section</c> are a link nobody checks: the section must exist (a link says it better).</summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public void A_section_of_a_document_named_in_words_is_a_heading_of_that_document(string document)
    {
        var file = MarkdownFile.Read(RepositoryRoot.Combine(document));
        var missing = new List<string>();

        foreach (Match reference in SectionReference().Matches(file.Text))
        {
            var named = reference.Groups["document"].Value;
            var path = named == "README"
                ? RepositoryRoot.Combine("README.md")
                : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.FullPath)!, named));
            var section = reference.Groups["section"].Value;
            if (!File.Exists(path) || !MarkdownFile.Read(path).Anchors().Contains(MarkdownFile.Slug(section)))
            {
                missing.Add($"{reference.Value}: {Path.GetRelativePath(RepositoryRoot.FullPath, path)} has no heading \"{section}\"");
            }
        }

        Assert.True(missing.Count == 0, $"{document} names sections that do not exist:\n{string.Join('\n', missing)}");
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

    /// <summary><c>README's "Deploy" section</c>, <c>finalizer.md's "Revisions" section</c> (README is the root README).</summary>
    [GeneratedRegex(@"(?<document>README|[\w./-]+\.md)'s\s+""(?<section>[^""]+)""\s+section")]
    private static partial Regex SectionReference();
}
