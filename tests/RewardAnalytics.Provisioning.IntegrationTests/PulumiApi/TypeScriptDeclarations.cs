using System.Text.RegularExpressions;

namespace RewardAnalytics.Provisioning.IntegrationTests.PulumiApi;

/// <summary>
/// The classes, interfaces and functions an npm Pulumi provider package declares in its <c>.d.ts</c> files, with
/// their property names: resource classes (outputs), <c>XArgs</c>/<c>GetXOutputArgs</c>/<c>GetXResult</c>
/// interfaces per module folder, and the nested input types of <c>types/input.d.ts</c>. Generated declarations are
/// regular enough to read with a brace-depth scanner once comments are removed.
/// </summary>
public sealed partial class TypeScriptDeclarations
{
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _typesByModule = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _inputsByModule = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _functionsByModule = new(StringComparer.OrdinalIgnoreCase);

    public const string RootModule = "";

    public IEnumerable<string> Modules => _typesByModule.Keys;

    public bool HasModule(string module) => _typesByModule.ContainsKey(module);

    /// <summary>A class or interface declared in a module's own files (not types/).</summary>
    public IReadOnlySet<string>? Type(string module, string name) =>
        _typesByModule.TryGetValue(module, out var types) && types.TryGetValue(name, out var props) ? props : null;

    /// <summary>An input type of <c>types/input.d.ts</c> (<c>inputs.&lt;module&gt;.&lt;name&gt;</c>).</summary>
    public IReadOnlySet<string>? InputType(string module, string name) =>
        _inputsByModule.TryGetValue(module, out var types) && types.TryGetValue(name, out var props) ? props : null;

    public bool HasFunction(string module, string name) =>
        _functionsByModule.TryGetValue(module, out var functions) && functions.Contains(name);

    /// <summary>Reads every module folder's <c>*.d.ts</c> and <c>types/input.d.ts</c> of an installed package.</summary>
    public static TypeScriptDeclarations Load(string packageDirectory)
    {
        var declarations = new TypeScriptDeclarations();
        foreach (var file in Directory.EnumerateFiles(packageDirectory, "*.d.ts", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(packageDirectory, file).Replace('\\', '/');
            if (relative.StartsWith("node_modules/", StringComparison.Ordinal))
            {
                continue;
            }

            if (relative == "types/input.d.ts")
            {
                declarations.Read(File.ReadAllText(file), RootModule, declarations._inputsByModule, nestedNamespacesAreModules: true);
            }
            else if (!relative.StartsWith("types/", StringComparison.Ordinal))
            {
                var slash = relative.LastIndexOf('/');
                var module = slash < 0 ? RootModule : relative[..slash];
                declarations.Read(File.ReadAllText(file), module, declarations._typesByModule, nestedNamespacesAreModules: false);
            }
        }

        return declarations;
    }

    /// <summary>Reads declarations from one file's text (tests feed small texts).</summary>
    public void Read(string text, string module, Dictionary<string, Dictionary<string, HashSet<string>>> into, bool nestedNamespacesAreModules)
    {
        var scopes = new Stack<(string Kind, string Name, int BodyDepth)>();
        var depth = 0;
        foreach (var rawLine in StripComments(text).Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var declaration = DeclarationPattern().Match(line);
            (string Kind, string Name)? pending = declaration.Success ? (declaration.Groups["kind"].Value, declaration.Groups["name"].Value) : null;

            var function = FunctionPattern().Match(line);
            if (function.Success)
            {
                var functionModule = CurrentModule(scopes, module, nestedNamespacesAreModules);
                if (!_functionsByModule.TryGetValue(functionModule, out var functions))
                {
                    _functionsByModule[functionModule] = functions = new HashSet<string>(StringComparer.Ordinal);
                }

                functions.Add(function.Groups["name"].Value);
            }

            if (scopes.Count > 0 && depth == scopes.Peek().BodyDepth && scopes.Peek().Kind is "class" or "interface")
            {
                var property = PropertyPattern().Match(line);
                if (property.Success)
                {
                    var top = scopes.Peek();
                    Types(into, CurrentModule(scopes, module, nestedNamespacesAreModules))[top.Name].Add(property.Groups["name"].Value);
                }
            }

            foreach (var c in line)
            {
                if (c == '{')
                {
                    depth++;
                    if (pending is { } p)
                    {
                        scopes.Push((p.Kind, p.Name, depth));
                        if (p.Kind is "class" or "interface")
                        {
                            Types(into, CurrentModule(scopes, module, nestedNamespacesAreModules)).TryAdd(p.Name, new HashSet<string>(StringComparer.Ordinal));
                        }

                        pending = null;
                    }
                }
                else if (c == '}')
                {
                    if (scopes.Count > 0 && scopes.Peek().BodyDepth == depth)
                    {
                        scopes.Pop();
                    }

                    depth--;
                }
            }
        }
    }

    private static Dictionary<string, HashSet<string>> Types(Dictionary<string, Dictionary<string, HashSet<string>>> into, string module)
    {
        if (!into.TryGetValue(module, out var types))
        {
            into[module] = types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        }

        return types;
    }

    /// <summary>In types/input.d.ts a namespace names the module (<c>namespace dynamodb { interface TableAttribute … }</c>).</summary>
    private static string CurrentModule(Stack<(string Kind, string Name, int BodyDepth)> scopes, string module, bool nestedNamespacesAreModules)
    {
        if (!nestedNamespacesAreModules)
        {
            return module;
        }

        var namespaces = scopes.Where(s => s.Kind == "namespace").Select(s => s.Name).Reverse().ToArray();
        return namespaces.Length == 0 ? module : string.Join('/', namespaces);
    }

    private static string StripComments(string text)
    {
        var withoutBlocks = BlockCommentPattern().Replace(text, match => new string('\n', match.Value.Count(c => c == '\n')));
        return LineCommentPattern().Replace(withoutBlocks, string.Empty);
    }

    [GeneratedRegex(@"^\s*(export\s+)?(declare\s+)?(?<kind>class|interface|namespace)\s+(?<name>[A-Za-z_$][\w$]*)")]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex(@"^\s*export\s+declare\s+function\s+(?<name>[A-Za-z_$][\w$]*)")]
    private static partial Regex FunctionPattern();

    [GeneratedRegex(@"^\s*(readonly\s+)?(?<name>[A-Za-z_$][\w$]*)\??\s*:")]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockCommentPattern();

    [GeneratedRegex(@"(?<![:""'])//[^\n]*")]
    private static partial Regex LineCommentPattern();
}
