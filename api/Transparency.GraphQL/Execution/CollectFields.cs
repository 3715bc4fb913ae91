using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Execution;

/// <summary>The field nodes merged under one response key (spec Section 6.3.2, "Field Collection").</summary>
public sealed class FieldGroup(string responseKey, FieldNode first)
{
    private FieldNode[] _nodes = [first];

    public string ResponseKey { get; } = responseKey;

    /// <summary>The field's name (every node of a group selects the same field; validation sees to it).</summary>
    public string FieldName => _nodes[0].Name.Value;

    public FieldNode First => _nodes[0];

    public IReadOnlyList<FieldNode> Nodes => _nodes;

    // The default resolver's one-entry cache for this field (one reference to an immutable
    // pair, so racing writers can only cost each other a lookup).
    internal DefaultResolver.AccessorCache? ResolverCache;

    // The executor's one-entry caches for this group: its field definition and its subfields
    // on the last object type seen, and its coerced arguments for the last definition seen (a list of N objects
    // asks N times with the same ones). Immutable pairs, swapped whole.
    internal DefinitionCache? Definition;
    internal SubfieldCache? Subfields;
    internal ArgumentCache? Arguments;

    internal void Add(FieldNode node)
    {
        Array.Resize(ref _nodes, _nodes.Length + 1);
        _nodes[^1] = node;
    }
}

internal sealed record DefinitionCache(ObjectType ObjectType, FieldDefinition? Definition);

internal sealed record SubfieldCache(ObjectType ObjectType, FieldGroup[] Fields, string[] Keys);

internal sealed record ArgumentCache(FieldDefinition Definition, IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// CollectFields (spec Section 6.3.2): the fields a selection set selects on an object type,
/// grouped by response key in document order, with @skip/@include applied and fragments whose
/// type condition matches inlined. Each fragment is visited at most once per collection.
/// </summary>
public static class FieldCollector
{
    public static FieldGroup[] Collect(
        GraphQLSchema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType objectType,
        SelectionSetNode selectionSet)
    {
        var collector = new Collector(schema, fragments, variables, objectType);
        collector.Visit(selectionSet);
        return collector.Result();
    }

    /// <summary>The fields of the selection sets of every node of a group, merged (spec CollectSubfields).</summary>
    public static FieldGroup[] CollectSubfields(
        GraphQLSchema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType objectType,
        IReadOnlyList<FieldNode> fieldNodes)
    {
        var collector = new Collector(schema, fragments, variables, objectType);
        foreach (var node in fieldNodes)
        {
            if (node.SelectionSet is not null)
            {
                collector.Visit(node.SelectionSet);
            }
        }

        return collector.Result();
    }

    /// <summary>Whether a fragment's type condition applies to objects of objectType.</summary>
    public static bool DoesFragmentConditionMatch(GraphQLSchema schema, NamedTypeNode? typeCondition, ObjectType objectType)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (typeCondition is null)
        {
            return true;
        }

        var name = typeCondition.Name.Value;
        if (name == objectType.Name)
        {
            return true;
        }

        var conditionalType = schema.GetType(name);
        return conditionalType is InterfaceType or UnionType && schema.IsSubType(conditionalType, objectType);
    }

    private sealed class Collector(
        GraphQLSchema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType objectType)
    {
        private readonly List<FieldGroup> _groups = [];
        private Dictionary<string, FieldGroup>? _byKey;
        private HashSet<string>? _visitedFragments;

        public FieldGroup[] Result() => [.. _groups];

        public void Visit(SelectionSetNode selectionSet)
        {
            var selections = selectionSet.Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                var selection = selections[i];
                if (selection.Directives.Count > 0 && Values.IsExcluded(selection.Directives, variables))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        AddField(field);
                        break;
                    case InlineFragmentNode inline:
                        if (DoesFragmentConditionMatch(schema, inline.TypeCondition, objectType))
                        {
                            Visit(inline.SelectionSet);
                        }

                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        _visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!_visitedFragments.Add(name)
                            || !fragments.TryGetValue(name, out var fragment)
                            || !DoesFragmentConditionMatch(schema, fragment.TypeCondition, objectType))
                        {
                            continue;
                        }

                        Visit(fragment.SelectionSet);
                        break;
                }
            }
        }

        private void AddField(FieldNode field)
        {
            var key = field.ResponseKey;
            if (_byKey is null)
            {
                // Small selections: a linear scan beats hashing.
                foreach (var existing in _groups)
                {
                    if (existing.ResponseKey == key)
                    {
                        existing.Add(field);
                        return;
                    }
                }

                _groups.Add(new FieldGroup(key, field));
                if (_groups.Count > 8)
                {
                    _byKey = new Dictionary<string, FieldGroup>(StringComparer.Ordinal);
                    foreach (var group in _groups)
                    {
                        _byKey[group.ResponseKey] = group;
                    }
                }

                return;
            }

            if (_byKey.TryGetValue(key, out var found))
            {
                found.Add(field);
                return;
            }

            var added = new FieldGroup(key, field);
            _groups.Add(added);
            _byKey[key] = added;
        }
    }
}

