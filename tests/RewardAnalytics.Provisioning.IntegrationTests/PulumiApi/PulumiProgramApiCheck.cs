using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RewardAnalytics.Provisioning.IntegrationTests.PulumiApi;

/// <summary>
/// Checks, without compiling (Pulumi.Aws cannot be restored here), that a C# Pulumi program names only what
/// Pulumi.Aws has: it parses the files with Roslyn, collects every <c>Aws.*</c> name (the program's alias for
/// <c>Pulumi.Aws</c>) and every property set or read on a Pulumi.Aws type, and looks each one up in the
/// <c>@pulumi/aws</c> declarations generated from the same schema. C# <c>PascalCase</c> ↔ schema <c>camelCase</c>;
/// <c>Module.X</c> ↔ class X in module/; <c>Module.XArgs</c> ↔ interface XArgs; <c>Module.Inputs.XArgs</c> ↔
/// <c>inputs.module.X</c>; <c>Module.GetX.Invoke</c> ↔ <c>getXOutput</c>; <c>GetXInvokeArgs</c> ↔
/// <c>GetXOutputArgs</c>; <c>GetXResult</c> ↔ <c>GetXResult</c>.
/// </summary>
public sealed class PulumiProgramApiCheck
{
    public const string Alias = "Aws";

    /// <summary>Every resource has these (Pulumi.CustomResource), whatever its schema.</summary>
    private static readonly HashSet<string> ResourceMembers = ["Id", "Urn"];

    /// <summary>
    /// C# names the code generator gives where the schema name would clash in C#: a member cannot share its class's
    /// name (CS0542), so <c>Bucket.bucket</c> is <c>BucketName</c>. Each entry is (module, C# type, C# property) → schema property.
    /// </summary>
    private static readonly Dictionary<(string Module, string Type, string Property), string> CSharpRenames = new()
    {
        [("s3", "Bucket", "BucketName")] = "bucket",
        [("s3", "BucketArgs", "BucketName")] = "bucket",
        // C# forbids a member named like its class: Pulumi's codegen appends "Result" (FunctionUrl.functionUrl).
        [("lambda", "FunctionUrl", "FunctionUrlResult")] = "functionUrl",
    };

    private readonly TypeScriptDeclarations _declarations;
    private readonly List<string> _problems = [];
    private readonly SortedSet<string> _checked = new(StringComparer.Ordinal);

    public PulumiProgramApiCheck(TypeScriptDeclarations declarations) => _declarations = declarations;

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Everything that was looked up and found, e.g. <c>dynamodb.TableArgs.hashKey</c>.</summary>
    public IReadOnlyCollection<string> Checked => _checked;

    /// <summary>Syntax errors of the files, as "file(line,col): message".</summary>
    public static IReadOnlyList<string> SyntaxErrors(IEnumerable<(string Path, string Text)> files) =>
        files.SelectMany(f => CSharpSyntaxTree.ParseText(f.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), f.Path)
                .GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"{Path.GetFileName(f.Path)}{d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"))
            .ToList();

    public void Check(IEnumerable<(string Path, string Text)> files)
    {
        var roots = files.Select(f => (f.Path, Root: CSharpSyntaxTree.ParseText(f.Text, path: f.Path).GetCompilationUnitRoot())).ToList();
        var typesByName = CollectDeclaredTypes(roots.Select(r => r.Root));

        foreach (var (path, root) in roots)
        {
            foreach (var name in root.DescendantNodes().OfType<NameSyntax>().Where(IsOutermostAliasName))
            {
                Resolve(Dotted(name), path, name);
            }

            foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(IsOutermostAliasAccess))
            {
                Resolve(Dotted(access), path, access);
            }

            foreach (var creation in root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            {
                if (creation.Initializer is null || Dotted(creation.Type) is not { } typeName || !typeName.StartsWith(Alias + ".", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var assignment in creation.Initializer.Expressions.OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.Left is IdentifierNameSyntax property)
                    {
                        CheckProperty(typeName, property.Identifier.Text, path, assignment);
                    }
                }
            }

            foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                var receiver = access.Expression switch
                {
                    IdentifierNameSyntax id => id.Identifier.Text,
                    MemberAccessExpressionSyntax inner => inner.Name.Identifier.Text,
                    _ => null,
                };
                if (receiver is not null && typesByName.TryGetValue(receiver, out var receiverTypes))
                {
                    foreach (var receiverType in receiverTypes)
                    {
                        CheckProperty(receiverType, access.Name.Identifier.Text, path, access);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Names whose Pulumi.Aws type the syntax states: locals initialised with <c>new Aws.X(…)</c> or a call to a
    /// method declared to return <c>Aws.X</c>, parameters (lambda ones included), properties and record parameters.
    /// </summary>
    private static Dictionary<string, HashSet<string>> CollectDeclaredTypes(IEnumerable<CompilationUnitSyntax> roots)
    {
        var list = roots.ToList();
        var methodReturns = list.SelectMany(r => r.DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => Dotted(m.ReturnType) is { } t && t.StartsWith(Alias + ".", StringComparison.Ordinal))
            .GroupBy(m => m.Identifier.Text)
            .ToDictionary(g => g.Key, g => Dotted(g.First().ReturnType)!);
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string name, string? type)
        {
            if (type is not null && type.StartsWith(Alias + ".", StringComparison.Ordinal))
            {
                if (!types.TryGetValue(name, out var set))
                {
                    types[name] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(type);
            }
        }

        foreach (var node in list.SelectMany(r => r.DescendantNodes()))
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } variable:
                    var declared = declaration.Type.IsVar ? null : Dotted(declaration.Type);
                    var inferred = variable.Initializer?.Value switch
                    {
                        ObjectCreationExpressionSyntax creation => Dotted(creation.Type),
                        InvocationExpressionSyntax { Expression: IdentifierNameSyntax method } when methodReturns.TryGetValue(method.Identifier.Text, out var r) => r,
                        _ => null,
                    };
                    Add(variable.Identifier.Text, declared ?? inferred);
                    break;
                case ParameterSyntax { Type: not null } parameter:
                    Add(parameter.Identifier.Text, Dotted(parameter.Type));
                    break;
                case PropertyDeclarationSyntax property:
                    Add(property.Identifier.Text, Dotted(property.Type));
                    break;
            }
        }

        return types;
    }

    private void Resolve(string? dotted, string path, SyntaxNode at)
    {
        if (dotted is null)
        {
            return;
        }

        var parts = dotted.Split('.');
        var (module, rest) = parts.Length > 2 && _declarations.HasModule(parts[1]) && parts[1] != TypeScriptDeclarations.RootModule
            ? (parts[1].ToLowerInvariant(), parts[2..])
            : (TypeScriptDeclarations.RootModule, parts[1..]);
        switch (rest)
        {
            case ["Inputs", var input] when input.EndsWith("Args", StringComparison.Ordinal):
                Expect(_declarations.InputType(module, input[..^4]) is not null, $"input type inputs.{module}.{input[..^4]}", dotted, path, at);
                break;
            case [var function, "Invoke"] when function.StartsWith("Get", StringComparison.Ordinal):
                Expect(_declarations.HasFunction(module, Camel(function) + "Output"), $"function {module}.{Camel(function)}Output", dotted, path, at);
                break;
            case [var type]:
                var schemaName = type.EndsWith("InvokeArgs", StringComparison.Ordinal) ? type[..^"InvokeArgs".Length] + "OutputArgs" : type;
                Expect(_declarations.Type(module, schemaName) is not null, $"{module}/{schemaName}", dotted, path, at);
                break;
            default:
                _problems.Add($"{Where(path, at)}: '{dotted}' is not a Pulumi.Aws name this check understands (Aws.<Module>.<Type>, Aws.<Module>.Inputs.<Type>Args, Aws.<Module>.Get<X>.Invoke)");
                break;
        }
    }

    private void CheckProperty(string csharpType, string property, string path, SyntaxNode at)
    {
        var parts = csharpType.Split('.');
        var module = parts.Length > 2 && _declarations.HasModule(parts[1]) ? parts[1].ToLowerInvariant() : TypeScriptDeclarations.RootModule;
        var typeName = parts[^1];
        var isInput = parts.Length > 2 && parts[^2] == "Inputs";
        IReadOnlySet<string>? properties;
        string schemaType;
        if (isInput)
        {
            schemaType = $"inputs.{module}.{typeName[..^4]}";
            properties = _declarations.InputType(module, typeName[..^4]);
        }
        else
        {
            var name = typeName.EndsWith("InvokeArgs", StringComparison.Ordinal) ? typeName[..^"InvokeArgs".Length] + "OutputArgs" : typeName;
            schemaType = $"{module}/{name}";
            properties = _declarations.Type(module, name);
            if (properties is not null && !name.EndsWith("Args", StringComparison.Ordinal) && !name.EndsWith("Result", StringComparison.Ordinal) && ResourceMembers.Contains(property))
            {
                _checked.Add($"{schemaType}.{Camel(property)}");
                return;
            }
        }

        if (properties is null)
        {
            return; // the type itself is reported by Resolve
        }

        var schemaProperty = CSharpRenames.TryGetValue((module, typeName, property), out var renamed) ? renamed : Camel(property);
        Expect(properties.Contains(schemaProperty), $"property {schemaType}.{schemaProperty}", $"{csharpType}.{property}", path, at);
    }

    private void Expect(bool found, string schemaName, string csharpName, string path, SyntaxNode at)
    {
        if (found)
        {
            _checked.Add(schemaName);
        }
        else
        {
            _problems.Add($"{Where(path, at)}: '{csharpName}' has no {schemaName} in @pulumi/aws");
        }
    }

    private static string Where(string path, SyntaxNode at) => $"{Path.GetFileName(path)}:{at.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

    private static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static bool IsOutermostAliasName(NameSyntax name) =>
        name is QualifiedNameSyntax && name.Parent is not QualifiedNameSyntax && Dotted(name) is { } d && d.StartsWith(Alias + ".", StringComparison.Ordinal)
        && name.Parent is not UsingDirectiveSyntax;

    private static bool IsOutermostAliasAccess(MemberAccessExpressionSyntax access) =>
        Dotted(access) is { } d && d.StartsWith(Alias + ".", StringComparison.Ordinal)
        && !(access.Parent is MemberAccessExpressionSyntax parent && Dotted(parent) is not null);

    /// <summary>The dotted text of a name or of a member access made only of identifiers; otherwise null.</summary>
    private static string? Dotted(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax id => id.Identifier.Text,
        QualifiedNameSyntax q => Dotted(q.Left) is { } left ? left + "." + q.Right.Identifier.Text : null,
        AliasQualifiedNameSyntax a => a.Alias.Identifier.Text + "." + a.Name.Identifier.Text,
        MemberAccessExpressionSyntax m => Dotted(m.Expression) is { } left ? left + "." + m.Name.Identifier.Text : null,
        NullableTypeSyntax n => Dotted(n.ElementType),
        _ => null,
    };
}
