using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// What a field without a resolver returns (graphql-js defaultFieldResolver): the entry of a
/// dictionary source, the member of a JSON object, or the public property or field of a CLR
/// object whose name matches, exactly or with the first letter upper-cased (caseNumber reads
/// CaseNumber). Property getters are compiled once per (type, name).
/// </summary>
public static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    public static object? Resolve(object? source, string fieldName)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.TryGetValue(fieldName, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(fieldName, out var entry) ? entry : null;
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                return json.TryGetProperty(fieldName, out var member) ? FromJson(member) : null;
            default:
                return AccessorFor(source.GetType(), fieldName)?.Invoke(source);
        }
    }

    /// <summary>
    /// Like Resolve, with a one-entry cache held by the caller: the items of a list are almost
    /// always of one CLR type, so the accessor lookup is a reference comparison.
    /// </summary>
    internal static object? Resolve(object? source, string fieldName, ref AccessorCache? cache)
    {
        if (source is null)
        {
            return null;
        }

        var type = source.GetType();
        var seen = Volatile.Read(ref cache);
        if (seen is not null && ReferenceEquals(type, seen.Type))
        {
            return seen.Accessor is null ? Resolve(source, fieldName) : seen.Accessor(source);
        }

        if (source is IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or JsonElement)
        {
            Volatile.Write(ref cache, new AccessorCache(type, null));
            return Resolve(source, fieldName);
        }

        var accessor = AccessorFor(type, fieldName);
        Volatile.Write(ref cache, new AccessorCache(type, accessor));
        return accessor?.Invoke(source);
    }

    private static Func<object, object?>? AccessorFor(Type type, string fieldName) =>
        Accessors.GetOrAdd((type, fieldName), static key => Compile(key.Item1, key.Item2));

    /// <summary>
    /// The last CLR type seen at a field and how to read the field from it (null: look it up each
    /// time). Immutable and swapped whole, so concurrent readers never see a mixed pair.
    /// </summary>
    internal sealed record AccessorCache(Type Type, Func<object, object?>? Accessor);

    /// <summary>The value's __typename, when it is a dictionary or JSON object that carries one.</summary>
    public static string? TypeName(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> readOnly => readOnly.TryGetValue("__typename", out var name) ? name as string : null,
        IDictionary<string, object?> dictionary => dictionary.TryGetValue("__typename", out var name) ? name as string : null,
        JsonElement { ValueKind: JsonValueKind.Object } json =>
            json.TryGetProperty("__typename", out var name) && name.ValueKind == JsonValueKind.String ? Utilities.JsonValues.Text(name) : null,
        _ => null,
    };

    /// <summary>JSON leaves to CLR values (numbers as long when integral, else double); arrays and objects stay JSON.</summary>
    public static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => Utilities.JsonValues.Text(json),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => json.TryGetInt32(out var i) ? i : json.TryGetInt64(out var l) ? l : json.GetDouble(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => json.EnumerateArray().Select(e => (object)e).ToArray(),
        _ => json,
    };

    private static Func<object, object?>? Compile(Type type, string name)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance;
        MemberInfo? member = (MemberInfo?)type.GetProperty(name, Flags) ?? type.GetField(name, Flags);
        if (member is null && name.Length > 0 && char.IsLower(name[0]))
        {
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            member = (MemberInfo?)type.GetProperty(pascal, Flags) ?? type.GetField(pascal, Flags);
        }

        if (member is PropertyInfo { GetMethod: null } || member is PropertyInfo property && property.GetIndexParameters().Length > 0)
        {
            return null;
        }

        if (member is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var access = Expression.MakeMemberAccess(Expression.Convert(parameter, type), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), parameter).Compile();
    }
}

/// <summary>The result of a completed Task&lt;T&gt; when T is known only at run time.</summary>
internal static class TaskResults
{
    private static readonly ConcurrentDictionary<Type, Func<Task, object?>> Getters = new();

    public static object? Get(Task task)
    {
        var type = task.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var getter = Getters.GetOrAdd(type, static t =>
        {
            var result = t.GetProperty("Result");
            if (result is null || result.PropertyType.Name == "VoidTaskResult")
            {
                return static _ => null;
            }

            var parameter = Expression.Parameter(typeof(Task), "task");
            var access = Expression.Property(Expression.Convert(parameter, t), result);
            return Expression.Lambda<Func<Task, object?>>(Expression.Convert(access, typeof(object)), parameter).Compile();
        });
        return getter(task);
    }
}

