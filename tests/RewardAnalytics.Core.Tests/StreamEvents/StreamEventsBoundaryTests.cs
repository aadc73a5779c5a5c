using System.Reflection;
using System.Reflection.Emit;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>
/// The stream-event boundary goes one way: Aggregation folds what StreamEvents reads, and StreamEvents uses nothing of
/// Aggregation (no field, signature or call in its compiled code), so the reader can be read and changed on its own.
/// </summary>
public sealed class StreamEventsBoundaryTests
{
    private static readonly string StreamEventsNamespace = typeof(StreamEventReader).Namespace!;
    private static readonly string AggregationNamespace = typeof(ChangeFold).Namespace!;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void No_type_of_StreamEvents_uses_a_type_or_member_of_Aggregation()
    {
        var uses = typeof(StreamEventReader).Assembly.GetTypes()
            .Where(t => t.Namespace == StreamEventsNamespace)
            .SelectMany(t => UsesOf(t).Where(IsAggregation).Select(used => $"{t.FullName} uses {used}"))
            .Distinct()
            .ToArray();

        Assert.True(uses.Length == 0, "StreamEvents must not depend on Aggregation, but:\n" + string.Join('\n', uses));
    }

    [Fact]
    public void The_check_sees_a_call_into_Aggregation_where_there_is_one()
    {
        // The other direction exists (the fold calls the change's skip classification and the delta rules), so the walker
        // below must find Aggregation types in Aggregation's own code: it is not vacuous.
        Assert.Contains(UsesOf(typeof(ChangeFold)), used => used.Contains(nameof(ChangeDelta), StringComparison.Ordinal));
    }

    private static bool IsAggregation(string used) => used.StartsWith(AggregationNamespace + ".", StringComparison.Ordinal);

    /// <summary>The full names of the types a type's fields, signatures and method bodies refer to.</summary>
    private static IEnumerable<string> UsesOf(Type type)
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
}
