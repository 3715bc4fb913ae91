using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Transparency.EventStore;

/// <summary>
/// Maps event records to the stable names they are stored under (<c>case.filed.v1</c>) and back.
/// Serialization goes through the <see cref="JsonTypeInfo"/> the owner supplies (from its own
/// source-generated JsonSerializerContext), so no reflection is needed. Old stored shapes are
/// turned into current records on read by upcasters.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<Type, Writer> _writers = [];
    private readonly Dictionary<string, Reader> _readers = new(StringComparer.Ordinal);

    private sealed record Writer(string StoredName, Func<object, string> Serialize);

    // Reads the stored UTF-8 JSON as PostgreSQL sends it: no UTF-16 string in between.
    private sealed record Reader(Type ClrType, Func<byte[], object> Deserialize);

    /// <summary>Registers <typeparamref name="T"/>, written and read as <paramref name="storedName"/>.</summary>
    public EventTypeRegistry Register<T>(string storedName, JsonTypeInfo<T> typeInfo) where T : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        if (_readers.ContainsKey(storedName))
        {
            throw new InvalidOperationException($"stored event name '{storedName}' is registered twice");
        }
        if (_writers.ContainsKey(typeof(T)))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is registered twice");
        }
        _writers[typeof(T)] = new Writer(storedName, e => JsonSerializer.Serialize((T)e, typeInfo));
        _readers[storedName] = new Reader(typeof(T), json => JsonSerializer.Deserialize(json, typeInfo)
            ?? throw new JsonException($"event '{storedName}' is null"));
        return this;
    }

    /// <summary>
    /// Events stored as <paramref name="oldStoredName"/> in the shape <typeparamref name="TOld"/> are read as
    /// <typeparamref name="TNew"/> through <paramref name="upcast"/>. Nothing is written under the old name again.
    /// </summary>
    public EventTypeRegistry Upcast<TOld, TNew>(string oldStoredName, JsonTypeInfo<TOld> oldShape, Func<TOld, TNew> upcast)
        where TOld : notnull where TNew : notnull
    {
        RequireCurrent<TNew>();
        AddReader(oldStoredName, new Reader(typeof(TNew), json => upcast(JsonSerializer.Deserialize(json, oldShape)
            ?? throw new JsonException($"event '{oldStoredName}' is null"))));
        return this;
    }

    /// <summary>
    /// Events stored as <paramref name="oldStoredName"/> are rewritten as JSON by <paramref name="upcast"/> and then
    /// read as <typeparamref name="TNew"/>; for renamed or added fields where keeping the old record is not worth it.
    /// </summary>
    public EventTypeRegistry Upcast<TNew>(string oldStoredName, Func<JsonObject, JsonObject> upcast, JsonTypeInfo<TNew> current)
        where TNew : notnull
    {
        RequireCurrent<TNew>();
        AddReader(oldStoredName, new Reader(typeof(TNew), json =>
        {
            var node = JsonNode.Parse(json.AsSpan()) as JsonObject ?? throw new JsonException($"event '{oldStoredName}' is not an object");
            return upcast(node).Deserialize(current) ?? throw new JsonException($"event '{oldStoredName}' is null");
        }));
        return this;
    }

    /// <summary>The name <paramref name="eventType"/> is stored under.</summary>
    public string StoredNameOf(Type eventType) =>
        _writers.TryGetValue(eventType, out var writer)
            ? writer.StoredName
            : throw new InvalidOperationException($"{eventType.Name} is not a registered event type");

    /// <summary>Every stored name that reads as <paramref name="eventType"/>: its own and the upcast old ones.</summary>
    public IReadOnlyCollection<string> StoredNamesReadAs(Type eventType) =>
        _readers.Where(r => r.Value.ClrType == eventType).Select(r => r.Key).ToList();

    /// <summary>Whether events stored as <paramref name="storedName"/> can be read.</summary>
    public bool IsKnown(string storedName) => _readers.ContainsKey(storedName);

    internal (string StoredName, string Json) Serialize(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (!_writers.TryGetValue(@event.GetType(), out var writer))
        {
            throw new InvalidOperationException($"{@event.GetType().Name} is not a registered event type");
        }
        return (writer.StoredName, writer.Serialize(@event));
    }

    internal object Deserialize(string storedName, byte[] json) =>
        _readers.TryGetValue(storedName, out var reader)
            ? reader.Deserialize(json)
            : throw new InvalidOperationException($"no event type is registered for stored name '{storedName}'");

    private void RequireCurrent<TNew>()
    {
        if (!_writers.ContainsKey(typeof(TNew)))
        {
            throw new InvalidOperationException($"register {typeof(TNew).Name} before upcasting to it");
        }
    }

    private void AddReader(string storedName, Reader reader)
    {
        if (!_readers.TryAdd(storedName, reader))
        {
            throw new InvalidOperationException($"stored event name '{storedName}' is registered twice");
        }
    }
}
