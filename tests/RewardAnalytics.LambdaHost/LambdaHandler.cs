using System.Reflection;
using System.Runtime.Loader;

namespace RewardAnalytics.LambdaHost;

/// <summary>
/// A handler string (<c>Assembly::Namespace.Type::Method</c>) bound the way the managed runtime's loader binds it: the
/// assembly loaded by name through the default load context (so only what the function's deps.json lists can be
/// found), the type by its full name, the one public method of that name (overloads are refused), and for an instance
/// method the type's public parameterless constructor, which runs at init. Only the Stream-in, Task&lt;Stream&gt;-out
/// shape is supported: it needs no serializer and no ILambdaContext.
/// </summary>
public sealed class LambdaHandler
{
    private readonly Type _type;

    private LambdaHandler(Assembly assembly, Type type, MethodInfo method)
    {
        Assembly = assembly;
        _type = type;
        Method = method;
    }

    public Assembly Assembly { get; }

    public MethodInfo Method { get; }

    /// <summary>Resolves <paramref name="handler"/>; throws <see cref="HandlerBindingException"/> saying what is wrong.</summary>
    public static LambdaHandler Bind(string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new HandlerBindingException($"'{handler}' is not a handler of the form Assembly::Namespace.Type::Method.");
        }

        var (assemblyName, typeName, methodName) = (parts[0], parts[1], parts[2]);
        Assembly assembly;
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(assemblyName));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new HandlerBindingException(
                $"assembly '{assemblyName}' could not be loaded through the default load context (is it in the deps.json given with --depsfile?): {ex.GetType().Name}: {ex.Message}", ex);
        }

        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw new HandlerBindingException($"type '{typeName}' was not found in assembly '{assembly.GetName().Name}'.");

        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == methodName)
            .ToArray();
        var method = methods.Length switch
        {
            0 => throw new HandlerBindingException($"type '{typeName}' has no public method '{methodName}'."),
            1 => methods[0],
            _ => throw new HandlerBindingException(
                $"type '{typeName}' has {methods.Length} public methods named '{methodName}': the runtime refuses a handler name with overloads."),
        };

        var parameters = method.GetParameters();
        if (parameters.Length != 1 || parameters[0].ParameterType != typeof(Stream) || method.ReturnType != typeof(Task<Stream>))
        {
            throw new HandlerBindingException(
                $"'{typeName}::{methodName}' is {method}: this host calls only Task<Stream> {methodName}(Stream), the shape that needs no serializer.");
        }

        if (!method.IsStatic && type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new HandlerBindingException($"type '{typeName}' has no public parameterless constructor for the runtime to call at init.");
        }

        return new LambdaHandler(assembly, type, method);
    }

    /// <summary>
    /// Lambda's init: constructs the handler type (null for a static method) as RuntimeSupport's UserCodeLoader does, with
    /// <see cref="Activator.CreateInstance(Type)"/>: a constructor's exception comes out wrapped in
    /// <see cref="TargetInvocationException"/>, which RuntimeSupport reports as it is.
    /// </summary>
    public object? CreateInstance()
    {
        if (Method.IsStatic)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(_type.TypeHandle);
            return null;
        }

        return Activator.CreateInstance(_type);
    }

    /// <summary>One invocation with <paramref name="input"/>; the method's exceptions unwrapped.</summary>
    public async Task<Stream> InvokeAsync(object? instance, Stream input)
    {
        Task<Stream> pending;
        try
        {
            pending = (Task<Stream>)Method.Invoke(instance, [input])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        return await pending.ConfigureAwait(false) ?? throw new InvalidOperationException($"{Method.Name} returned no stream.");
    }
}
