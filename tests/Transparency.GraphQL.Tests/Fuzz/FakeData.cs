using System.Collections;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Tests.Fuzz;

/// <summary>
/// A value of an object type whose fields are made up when read, so that any selection on any
/// schema built from SDL resolves through the default resolver (a dictionary lookup). Values
/// follow the field's type, except now and then: a resolver that throws, null where non-null is
/// promised, a value a scalar cannot serialize, an object of the wrong type for an abstract
/// field, a value wrapped in a task (completed or failed). Which field misbehaves depends only on its path, so a document always gets the same data.
/// </summary>
internal sealed class FakeObject(GraphQLSchema schema, FieldsType type, int depth, uint salt) : IReadOnlyDictionary<string, object?>
{
    public static FakeObject Root(GraphQLSchema schema) =>
        new(schema, schema.QueryType ?? throw new InvalidOperationException("No query type."), 0, 17);

    public int Count => type.Fields.Count + 1;

    public IEnumerable<string> Keys => type.Fields.Select(f => f.Name).Append("__typename");

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => key == "__typename" || FindField(key) is not null;

    public bool TryGetValue(string key, out object? value)
    {
        if (key == "__typename")
        {
            value = type.Name;
            return true;
        }

        var field = FindField(key);
        if (field is null)
        {
            value = null;
            return false;
        }

        var hash = Mix(salt, key);
        if (hash % 41 == 0)
        {
            throw new InvalidOperationException($"Made-up failure of {type.Name}.{key}.");
        }

        value = Make(field.Type, depth + 1, hash);

        // Now and then the value comes as a task, as from an async data source, or a failed one.
        value = (hash / 5 % 11) switch
        {
            0 => Task.FromResult(value),
            1 when hash % 3 == 0 => Task.FromException<object?>(new InvalidOperationException($"Made-up async failure of {type.Name}.{key}.")),
            _ => value,
        };
        return true;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The root value serves every operation type: a mutation's or subscription's fields are
    // looked up on their root types when the query type lacks them.
    private FieldDefinition? FindField(string name) =>
        type.GetField(name)
        ?? (depth == 0 ? schema.MutationType?.GetField(name) ?? schema.SubscriptionType?.GetField(name) : null);

    private object? Make(GraphQLType fieldType, int level, uint hash)
    {
        switch (fieldType)
        {
            case NonNullType nonNull:
                return hash % 37 == 0 ? null : Make(nonNull.OfType, level, Next(hash));
            case ListType list:
                if (hash % 19 == 0)
                {
                    return null;
                }

                // Two items near the root, one deeper: deep documents stay linear in size.
                var length = level < 4 ? 2 : level < 64 ? 1 : 0;
                var items = new object?[length];
                for (var i = 0; i < length; i++)
                {
                    items[i] = Make(list.OfType, level, Next(hash + (uint)i));
                }

                return items;
            case ObjectType or InterfaceType or UnionType when hash % 17 == 0:
                return null;
            case ObjectType objectType:
                return new FakeObject(schema, objectType, level, hash);
            case InterfaceType or UnionType:
                var possible = schema.GetPossibleTypes((NamedType)fieldType);
                if (possible.Count == 0 || hash % 23 == 0)
                {
                    // Not a possible type: the executor must say so, not crash.
                    return hash % 2 == 0 ? "not an object" : new Dictionary<string, object?> { ["__typename"] = "Nope" };
                }

                return new FakeObject(schema, possible[(int)(hash / 7 % (uint)possible.Count)], level, hash);
            case EnumType enumType:
                return hash % 29 == 0 || enumType.Values.Count == 0 ? "NOT_A_VALUE" : enumType.Values[(int)(hash / 3 % (uint)enumType.Values.Count)].Value;
            case ScalarType scalar:
                return hash % 31 == 0 ? new object() : MakeScalar(scalar.Name, hash);
            default:
                return null;
        }
    }

    private static object? MakeScalar(string name, uint hash) => name switch
    {
        "Int" => hash % 13 == 0 ? 1L << 40 : (int)(hash % 1000) - 500,
        "Float" => hash % 13 == 0 ? double.NaN : hash / 1000.0,
        "String" => hash % 11 == 0 ? "\u2028 \"quoted\" \\ \ud800" : "s" + hash,
        "Boolean" => hash % 2 == 0,
        "ID" => hash % 2 == 0 ? "id" + hash : (object)(int)(hash % 100),
        _ => hash % 3 == 0 ? new Dictionary<string, object?> { ["deep"] = new object?[] { 1, "two", null } } : "custom" + hash,
    };

    private static uint Mix(uint salt, string key)
    {
        var hash = salt ^ 2166136261;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    private static uint Next(uint hash) => (hash ^ (hash >> 15)) * 2246822519 + 374761393;
}
