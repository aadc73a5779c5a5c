using System.Reflection;
using System.Reflection.Emit;

namespace RewardAnalytics.Core.Tests;

/// <summary>
/// What a type's compiled code refers to: the types named by its fields, signatures, locals and method bodies (IL
/// tokens), for the tests that keep one folder of Core from depending on another.
/// </summary>
internal static class CompiledUses
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The full names of the types a type's fields, signatures and method bodies refer to.</summary>
    public static IEnumerable<string> UsesOf(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(all))
        {
            foreach (var name in Names(field.FieldType))
            {
                yield return name;
            }
        }

        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
        foreach (var method in methods)
        {
            var signature = method.GetParameters().Select(p => p.ParameterType)
                .Concat(method is MethodInfo m ? [m.ReturnType] : []);
            foreach (var name in signature.SelectMany(Names))
            {
                yield return name;
            }

            foreach (var name in BodyUses(method))
            {
                yield return name;
            }
        }
    }

    /// <summary>Walks a method's IL and resolves every type, field and method token to the types it names.</summary>
    private static IEnumerable<string> BodyUses(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            foreach (var name in Names(local.LocalType))
            {
                yield return name;
            }
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            var opCode = OpCodesByValue[value];
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                var types = member switch
                {
                    Type t => [t],
                    FieldInfo f => [f.DeclaringType!, f.FieldType],
                    MethodInfo m => [m.DeclaringType!, m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType), .. m.IsGenericMethod ? m.GetGenericArguments() : []],
                    MethodBase c => [c.DeclaringType!, .. c.GetParameters().Select(p => p.ParameterType)],
                    _ => Array.Empty<Type>(),
                };
                foreach (var name in types.SelectMany(Names))
                {
                    yield return name;
                }
            }

            i += OperandSize(opCode.OperandType, il, i);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    /// <summary>A type and, for arrays, pointers, by-refs and generic instances, the types it is made of.</summary>
    private static IEnumerable<string> Names(Type type)
    {
        if (type.HasElementType)
        {
            return Names(type.GetElementType()!);
        }

        IEnumerable<string> own = type.FullName is { } name ? [name] : [];
        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? own.Concat(type.GetGenericArguments().SelectMany(Names))
            : own;
    }

    /// <summary>Every "<c>type uses used</c>" line for the types of <paramref name="from"/> that refer to a type of <paramref name="forbidden"/>.</summary>
    public static string[] Violations(Assembly assembly, string from, params string[] forbidden) => assembly.GetTypes()
        .Where(t => t.Namespace == from)
        .SelectMany(t => UsesOf(t).Where(used => forbidden.Any(f => used.StartsWith(f + ".", StringComparison.Ordinal))).Select(used => $"{t.FullName} uses {used}"))
        .Distinct()
        .ToArray();
}
