using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Relay;

/// <summary>
/// Opaque cursors (GraphQL Cursor Connections spec: "cursors are opaque strings"): base64 of
/// a prefixed value, so clients do not build them and the encoding can change.
/// </summary>
public static class Cursor
{
    private const string OffsetPrefix = "offset:";

    public static string Encode(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    /// <summary>The value inside a cursor; a GraphQLError naming the argument when it is not one of ours.</summary>
    public static string Decode(string cursor, string argumentName = "after")
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw InvalidCursor(cursor, argumentName);
        }
    }

    public static string FromOffset(int offset) => Encode(OffsetPrefix + offset.ToString(CultureInfo.InvariantCulture));

    public static int ToOffset(string cursor, string argumentName)
    {
        var value = Decode(cursor, argumentName);
        return value.StartsWith(OffsetPrefix, StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(OffsetPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : throw InvalidCursor(cursor, argumentName);
    }

    private static GraphQLError InvalidCursor(string cursor, string argumentName) => new(
        $"Argument \"{argumentName}\" is not a valid cursor: \"{cursor}\".",
        extensions: new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT" });
}

/// <summary>The paging arguments of a connection field, checked against the page cap.</summary>
public sealed record ConnectionArguments(int? First, string? After, int? Last, string? Before)
{
    /// <summary>Reads first/after/last/before and checks them: non-negative, at most maxPageSize.</summary>
    public static ConnectionArguments From(ResolveFieldContext context, int maxPageSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = new ConnectionArguments(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("before"));
        arguments.Check(maxPageSize);
        return arguments;
    }

    /// <summary>Whether the client pages backwards (last/before) rather than forwards.</summary>
    public bool IsBackward => Last is not null && First is null;

    /// <summary>The number of items to return: first, else last, else the cap.</summary>
    public int PageSize(int maxPageSize) => First ?? Last ?? maxPageSize;

    /// <summary>The key inside the after cursor (for keyset paging), or null.</summary>
    public string? AfterKey => After is null ? null : Cursor.Decode(After, "after");

    /// <summary>The key inside the before cursor (for keyset paging), or null.</summary>
    public string? BeforeKey => Before is null ? null : Cursor.Decode(Before, "before");

    public void Check(int maxPageSize)
    {
        CheckCount("first", First, maxPageSize);
        CheckCount("last", Last, maxPageSize);
    }

    private static void CheckCount(string name, int? count, int maxPageSize)
    {
        if (count < 0)
        {
            throw BadInput($"Argument \"{name}\" must be a non-negative integer, got {count}.");
        }

        if (count > maxPageSize)
        {
            throw BadInput($"Argument \"{name}\" must not exceed {maxPageSize} (the maximum page size), got {count}.");
        }
    }

    internal static GraphQLError BadInput(string message) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT" });
}

/// <summary>One edge: the node and its cursor.</summary>
public sealed record Edge<T>(string Cursor, T Node) : IEdge
{
    object? IEdge.Node => Node;
}

/// <summary>pageInfo of a connection (Cursor Connections spec, Section 5).</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>A page of a connection: edges, nodes, pageInfo and (if known) totalCount.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int? TotalCount) : IConnection
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    IEnumerable<object?> IConnection.Edges => Edges;

    IEnumerable<object?> IConnection.Nodes => Edges.Select(e => (object?)e.Node);
}

/// <summary>Building connections from data, and declaring connection fields in a code-first schema.</summary>
public static class Connections
{
    /// <summary>The page cap when a field does not name one.</summary>
    public const int DefaultMaxPageSize = 100;

    private static readonly ConcurrentDictionary<GraphQLType, (ObjectType Connection, ObjectType Edge)> Types = new();

    /// <summary><c>type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }</c></summary>
    public static readonly ObjectType PageInfoType = new(
        "PageInfo",
        [
            new FieldDefinition("hasNextPage", new NonNullType(Scalars.Boolean)) { Description = "When paginating forwards, are there more items?", ResolveSync = c => ((PageInfo)c.Source!).HasNextPage },
            new FieldDefinition("hasPreviousPage", new NonNullType(Scalars.Boolean)) { Description = "When paginating backwards, are there more items?", ResolveSync = c => ((PageInfo)c.Source!).HasPreviousPage },
            new FieldDefinition("startCursor", Scalars.String) { Description = "When paginating backwards, the cursor to continue.", ResolveSync = c => ((PageInfo)c.Source!).StartCursor },
            new FieldDefinition("endCursor", Scalars.String) { Description = "When paginating forwards, the cursor to continue.", ResolveSync = c => ((PageInfo)c.Source!).EndCursor },
        ])
    {
        Description = "Information about pagination in a connection.",
    };

    /// <summary>
    /// Pages through an in-memory list with offset cursors (graphql-relay's connectionFromArray,
    /// Cursor Connections spec Section 4.4 "Pagination algorithm"). totalCount is the list's length.
    /// </summary>
    public static Connection<T> FromList<T>(IReadOnlyList<T> items, ConnectionArguments arguments, int maxPageSize = DefaultMaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.Check(maxPageSize);
        var afterOffset = arguments.After is null ? -1 : Cursor.ToOffset(arguments.After, "after");
        var beforeOffset = arguments.Before is null ? items.Count : Cursor.ToOffset(arguments.Before, "before");
        var start = Math.Max(afterOffset + 1, 0);
        var end = Math.Min(beforeOffset, items.Count);
        if (start > end)
        {
            start = end;
        }

        // Neither first nor last: the first page of the cap's size, never the whole list.
        var first = arguments.First ?? (arguments.Last is null ? maxPageSize : null);
        int sliceStart = start, sliceEnd = end;
        if (first is { } f)
        {
            sliceEnd = Math.Min(sliceEnd, sliceStart + f);
        }

        if (arguments.Last is { } l)
        {
            sliceStart = Math.Max(sliceStart, sliceEnd - l);
        }

        var edges = new List<Edge<T>>(sliceEnd - sliceStart);
        for (var i = sliceStart; i < sliceEnd; i++)
        {
            edges.Add(new Edge<T>(Cursor.FromOffset(i), items[i]));
        }

        // The whole list is at hand, so both flags can be exact in either paging direction
        // (the spec lets a server answer false when it cannot tell cheaply; here it can).
        var pageInfo = new PageInfo(sliceEnd < items.Count, sliceStart > 0, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, pageInfo, items.Count);
    }

    /// <summary>
    /// Keyset paging over a store (a page of the sanctions list read with <c>WHERE key &gt; @after
    /// ORDER BY key LIMIT @size + 1</c>): rows holds up to PageSize + 1 rows in paging order, that
    /// is ascending after the after-key when paging forwards and descending before the before-key
    /// when paging backwards. The extra row only says that another page exists. Cursors are the
    /// rows' keys, encoded; keys stay valid while rows are added, unlike offsets.
    /// </summary>
    public static Connection<T> FromKeysetSlice<T>(
        IReadOnlyList<T> rows,
        ConnectionArguments arguments,
        Func<T, string> keyOf,
        int? totalCount = null,
        int maxPageSize = DefaultMaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(keyOf);
        arguments.Check(maxPageSize);
        var size = arguments.PageSize(maxPageSize);
        var more = rows.Count > size;
        var page = rows.Take(size).ToList();
        if (arguments.IsBackward)
        {
            page.Reverse();
        }

        var edges = page.Select(row => new Edge<T>(Cursor.Encode(keyOf(row)), row)).ToList();
        var pageInfo = arguments.IsBackward
            ? new PageInfo(arguments.Before is not null, more, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor)
            : new PageInfo(more, arguments.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, totalCount);
    }

    /// <summary>The arguments every connection field takes: first, after, last, before.</summary>
    public static IReadOnlyList<InputValueDefinition> PagingArguments() =>
    [
        new InputValueDefinition("first", Scalars.Int) { Description = "Returns the first n elements from the list." },
        new InputValueDefinition("after", Scalars.String) { Description = "Returns the elements in the list that come after the specified cursor." },
        new InputValueDefinition("last", Scalars.Int) { Description = "Returns the last n elements from the list." },
        new InputValueDefinition("before", Scalars.String) { Description = "Returns the elements in the list that come before the specified cursor." },
    ];

    /// <summary>
    /// <c>{Node}Connection { edges: [{Node}Edge!]! nodes: [{Node}!]! pageInfo: PageInfo! totalCount: Int }</c>
    /// and <c>{Node}Edge { cursor: String! node: {Node}! }</c>, created once per node type so
    /// every field over it shares the same types. Resolvers read a <see cref="Connection{T}"/>.
    /// </summary>
    public static (ObjectType Connection, ObjectType Edge) TypesFor(NamedType nodeType)
    {
        ArgumentNullException.ThrowIfNull(nodeType);
        return Types.GetOrAdd(nodeType, static type =>
        {
            var node = (NamedType)type;
            var edge = new ObjectType(
                node.Name + "Edge",
                [
                    new FieldDefinition("cursor", new NonNullType(Scalars.String)) { Description = "A cursor for use in pagination.", ResolveSync = c => ((IEdge)c.Source!).Cursor },
                    new FieldDefinition("node", new NonNullType(node)) { Description = "The item at the end of the edge.", ResolveSync = c => ((IEdge)c.Source!).Node },
                ])
            {
                Description = "An edge in a connection.",
            };
            var connection = new ObjectType(
                node.Name + "Connection",
                [
                    new FieldDefinition("edges", new NonNullType(new ListType(new NonNullType(edge)))) { Description = "A list of edges.", ResolveSync = c => ((IConnection)c.Source!).Edges },
                    new FieldDefinition("nodes", new NonNullType(new ListType(new NonNullType(node)))) { Description = "The items of the page, without their cursors.", ResolveSync = c => ((IConnection)c.Source!).Nodes },
                    new FieldDefinition("pageInfo", new NonNullType(PageInfoType)) { Description = "Information to aid in pagination.", ResolveSync = c => ((IConnection)c.Source!).PageInfo },
                    new FieldDefinition("totalCount", Scalars.Int) { Description = "How many items the whole connection has.", ResolveSync = c => ((IConnection)c.Source!).TotalCount },
                ])
            {
                Description = $"A connection to a list of {node.Name} items.",
            };
            return (connection, edge);
        });
    }

    /// <summary>
    /// A connection field: the paging arguments (plus extra ones), the connection type, and a
    /// resolver that receives checked arguments. Asking for more than maxPageSize is an error
    /// naming the cap.
    /// </summary>
    public static FieldDefinition Field<T>(
        string name,
        NamedType nodeType,
        Func<ResolveFieldContext, ConnectionArguments, ValueTask<Connection<T>>> resolve,
        int maxPageSize = DefaultMaxPageSize,
        IEnumerable<InputValueDefinition>? arguments = null,
        string? description = null)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var (connection, _) = TypesFor(nodeType);
        return new FieldDefinition(name, new NonNullType(connection), [.. PagingArguments(), .. arguments ?? []])
        {
            Description = description,
            Resolve = async context => await resolve(context, ConnectionArguments.From(context, maxPageSize)),
        };
    }

    /// <summary>A connection field over an in-memory list (paged with offset cursors).</summary>
    public static FieldDefinition ListField<T>(
        string name,
        NamedType nodeType,
        Func<ResolveFieldContext, IReadOnlyList<T>> items,
        int maxPageSize = DefaultMaxPageSize,
        string? description = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var (connection, _) = TypesFor(nodeType);
        return new FieldDefinition(name, new NonNullType(connection), PagingArguments())
        {
            Description = description,
            ResolveSync = context => FromList(items(context), ConnectionArguments.From(context, maxPageSize), maxPageSize),
        };
    }
}

/// <summary>What the connection types' resolvers read, whatever the node type.</summary>
internal interface IConnection
{
    IEnumerable<object?> Edges { get; }

    IEnumerable<object?> Nodes { get; }

    PageInfo PageInfo { get; }

    int? TotalCount { get; }
}

internal interface IEdge
{
    string Cursor { get; }

    object? Node { get; }
}
