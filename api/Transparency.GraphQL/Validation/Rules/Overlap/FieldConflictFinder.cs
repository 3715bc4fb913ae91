using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules.Overlap;

/// <summary>A field as collected from a selection set: the type it was selected on, its node, its definition if known.</summary>
internal readonly record struct CollectedField(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

/// <summary>
/// The fields of one selection set (inline fragments flattened in) grouped by response name, in
/// first-seen order, and the names of the fragments it spreads. Compared by identity: the
/// memo tables key on the instance, which the cache hands out once per selection set.
/// </summary>
internal sealed class CollectedSelections
{
    public OrderedDictionary<string, List<CollectedField>> FieldsByResponseName { get; } = new(StringComparer.Ordinal);

    public List<string> FragmentNames { get; } = [];
}

/// <summary>Why two fields conflict: a sentence, or the conflicts among their subfields.</summary>
internal sealed record ConflictReason(string ResponseName, string? Message, IReadOnlyList<ConflictReason>? SubReasons)
{
    /// <summary>graphql-js's reasonMessage: nested reasons read "subfields "x" conflict because ...", joined by " and ".</summary>
    public string Describe() =>
        SubReasons is null
            ? Message!
            : string.Join(" and ", SubReasons.Select(r => $"subfields \"{r.ResponseName}\" conflict because " + r.Describe()));
}

/// <summary>A conflict and the field nodes on either side of it (the outer fields first).</summary>
internal sealed record FieldConflict(ConflictReason Reason, IReadOnlyList<FieldNode> Fields1, IReadOnlyList<FieldNode> Fields2);

/// <summary>
/// The search for fields that cannot be merged (spec Section 5.3.2, "Field Selection Merging"),
/// following graphql-js 17's algorithm. Each selection set of the document is compared
/// "within" itself once; everything else is a comparison "between" two sets of fields, and
/// those are memoised: a set of fields against a fragment once, two fragments once, per
/// exclusivity. That keeps documents with many fragments spread in many places from blowing up.
///
/// One finder serves a whole document: its caches belong to that document's nodes.
/// </summary>
internal sealed class FieldConflictFinder(GraphQLSchema schema, Func<string, FragmentDefinitionNode?> getFragment)
{
    private readonly Dictionary<SelectionSetNode, CollectedSelections> _collected = new(ReferenceEqualityComparer.Instance);
    private readonly OrderedPairSet<CollectedSelections, string> _comparedFieldsAndFragments = new(ReferenceEqualityComparer.Instance);
    private readonly FragmentPairSet _comparedFragments = new();

    // Selection sets passed without being collected that a later collection must see on the
    // parent type they were visited with: see FindConflictsWithinSelectionSet.
    private readonly Dictionary<SelectionSetNode, NamedType?> _uncollectedParentTypes = new(ReferenceEqualityComparer.Instance);

    // Scratch set of response names for IsTriviallyConflictFree; cleared before each use.
    private readonly HashSet<string> _responseNames = new(StringComparer.Ordinal);

    /// <summary>Every conflict within one selection set, including through the fragments it spreads; null when none.</summary>
    /// <param name="parentType">The type the walk found the selection set on.</param>
    /// <param name="selectionSet">The selection set the walk is entering.</param>
    /// <param name="mayBeCollectedOnOtherType">
    /// Whether a later comparison of subfields may collect this set with another parent type
    /// than parentType (OverlappingFieldsCanBeMergedRule knows when): if so and it is not
    /// collected now, parentType is kept for that later collection.
    /// </param>
    public List<FieldConflict>? FindConflictsWithinSelectionSet(
        NamedType? parentType,
        SelectionSetNode selectionSet,
        bool mayBeCollectedOnOtherType)
    {
        // Most selection sets cannot conflict within themselves: nothing to collect or compare.
        // The first collection of a set is the one cached, and graphql-js collects every set on
        // entering it; a set left uncollected here is collected later, if ever, from its
        // field's definition, which agrees with parentType except in the case the caller tells.
        if (IsTriviallyConflictFree(selectionSet))
        {
            if (mayBeCollectedOnOtherType && !_collected.ContainsKey(selectionSet))
            {
                _uncollectedParentTypes.TryAdd(selectionSet, parentType);
            }

            return null;
        }

        List<FieldConflict>? conflicts = null;
        var collected = Collect(parentType, selectionSet);

        // (A) The only place fields of one set are compared with each other.
        CollectConflictsWithin(ref conflicts, collected);

        var fragmentNames = collected.FragmentNames;
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            // (B) These fields against each spread fragment.
            CollectConflictsBetweenFieldsAndFragment(ref conflicts, false, collected, fragmentNames[i]);

            // (C) Each spread fragment against every other spread alongside it.
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(ref conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        return conflicts;
    }

    // Whether (A), (B) and (C) have nothing to compare: fields only, each with a response name
    // of its own (no two to compare, no fragment to compare them with), or spreads only, all of
    // one fragment (no fields to compare with it, no second fragment). Inline fragments are
    // left to the full search.
    private bool IsTriviallyConflictFree(SelectionSetNode selectionSet)
    {
        var selections = selectionSet.Selections;
        if (selections.Count == 0)
        {
            return true;
        }

        if (selections[0] is FragmentSpreadNode first)
        {
            for (var i = 1; i < selections.Count; i++)
            {
                if (selections[i] is not FragmentSpreadNode spread || spread.Name.Value != first.Name.Value)
                {
                    return false;
                }
            }

            return true;
        }

        _responseNames.Clear();
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not FieldNode field || !_responseNames.Add(field.ResponseKey))
            {
                return false;
            }
        }

        return true;
    }

    // A stack, not recursion: a chain of fragments each spreading the next is as long as the
    // document allows, and recursing down it made every collection walk that deep a stack.
    // Popping in push-reversed order visits the fragments in the same depth-first order.
    private void CollectConflictsBetweenFieldsAndFragment(
        ref List<FieldConflict>? conflicts,
        bool areMutuallyExclusive,
        CollectedSelections fields,
        string fragmentName)
    {
        // No fields: nothing to compare with the fragment or those it spreads, now or later, so
        // nothing worth remembering as compared either.
        if (fields.FieldsByResponseName.Count == 0)
        {
            return;
        }

        var pending = new Stack<string>();
        pending.Push(fragmentName);
        while (pending.TryPop(out var name))
        {
            if (_comparedFieldsAndFragments.Has(fields, name, areMutuallyExclusive))
            {
                continue;
            }

            _comparedFieldsAndFragments.Add(fields, name, areMutuallyExclusive);

            var fragment = getFragment(name);
            if (fragment is null)
            {
                continue;
            }

            var fragmentFields = CollectFragment(fragment);

            // A fragment's fields are never compared with themselves.
            if (ReferenceEquals(fields, fragmentFields))
            {
                continue;
            }

            // (D) The fields against the fragment's own fields.
            CollectConflictsBetween(ref conflicts, areMutuallyExclusive, fields, fragmentFields);

            // (E) The fields against each fragment the fragment spreads.
            for (var i = fragmentFields.FragmentNames.Count - 1; i >= 0; i--)
            {
                pending.Push(fragmentFields.FragmentNames[i]);
            }
        }
    }

    // A stack for the same reason as above.
    private void CollectConflictsBetweenFragments(
        ref List<FieldConflict>? conflicts,
        bool areMutuallyExclusive,
        string fragmentName1,
        string fragmentName2)
    {
        var pending = new Stack<(string, string)>();
        pending.Push((fragmentName1, fragmentName2));
        while (pending.TryPop(out var pair))
        {
            var (name1, name2) = pair;
            if (name1 == name2 || _comparedFragments.Has(name1, name2, areMutuallyExclusive))
            {
                continue;
            }

            _comparedFragments.Add(name1, name2, areMutuallyExclusive);

            var fragment1 = getFragment(name1);
            var fragment2 = getFragment(name2);
            if (fragment1 is null || fragment2 is null)
            {
                continue;
            }

            var fields1 = CollectFragment(fragment1);
            var fields2 = CollectFragment(fragment2);

            // (F) The two fragments' own fields.
            CollectConflictsBetween(ref conflicts, areMutuallyExclusive, fields1, fields2);

            // (G) Each against the fragments the other spreads: the first's own fragments
            // against the second's spreads first, as graphql-js orders them.
            for (var i = fields1.FragmentNames.Count - 1; i >= 0; i--)
            {
                pending.Push((fields1.FragmentNames[i], name2));
            }

            for (var i = fields2.FragmentNames.Count - 1; i >= 0; i--)
            {
                pending.Push((name1, fields2.FragmentNames[i]));
            }
        }
    }

    // The subfields of two fields that share a response name.
    private List<FieldConflict>? FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive,
        NamedType? parentType1,
        SelectionSetNode selectionSet1,
        NamedType? parentType2,
        SelectionSetNode selectionSet2)
    {
        List<FieldConflict>? conflicts = null;
        var fields1 = Collect(parentType1, selectionSet1);
        var fields2 = Collect(parentType2, selectionSet2);

        // (H) The two sets of fields.
        CollectConflictsBetween(ref conflicts, areMutuallyExclusive, fields1, fields2);

        // (I) Each set of fields against the fragments the other spreads.
        foreach (var fragmentName2 in fields2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(ref conflicts, areMutuallyExclusive, fields1, fragmentName2);
        }

        foreach (var fragmentName1 in fields1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(ref conflicts, areMutuallyExclusive, fields2, fragmentName1);
        }

        // (J) Each fragment spread by one against each spread by the other.
        foreach (var fragmentName1 in fields1.FragmentNames)
        {
            foreach (var fragmentName2 in fields2.FragmentNames)
            {
                CollectConflictsBetweenFragments(ref conflicts, areMutuallyExclusive, fragmentName1, fragmentName2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(ref List<FieldConflict>? conflicts, CollectedSelections collected)
    {
        foreach (var (responseName, fields) in collected.FieldsByResponseName)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    // Fields of one set are never mutually exclusive as a group.
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        (conflicts ??= []).Add(conflict);
                    }
                }
            }
        }
    }

    // Assumes each set has been compared within itself already: the rule visits every selection set.
    private void CollectConflictsBetween(
        ref List<FieldConflict>? conflicts,
        bool parentFieldsAreMutuallyExclusive,
        CollectedSelections collected1,
        CollectedSelections collected2)
    {
        foreach (var (responseName, fields1) in collected1.FieldsByResponseName)
        {
            if (!collected2.FieldsByResponseName.TryGetValue(responseName, out var fields2))
            {
                continue;
            }

            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        (conflicts ??= []).Add(conflict);
                    }
                }
            }
        }
    }

    private FieldConflict? FindConflict(
        bool parentFieldsAreMutuallyExclusive,
        string responseName,
        CollectedField field1,
        CollectedField field2)
    {
        var (parentType1, node1, definition1) = field1;
        var (parentType2, node2, definition2) = field2;

        // Fields on two different object types can never both apply to one value, so they may
        // differ in name and arguments. Interfaces and unions may overlap, if not in this schema
        // then in a later one, so fields on them may not.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(parentType1, parentType2) && parentType1 is ObjectType && parentType2 is ObjectType);

        if (!areMutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
            {
                return Leaf(responseName, $"\"{name1}\" and \"{name2}\" are different fields", node1, node2);
            }

            if (!ArgumentComparison.SameArguments(node1.Arguments, node2.Arguments))
            {
                return Leaf(responseName, "they have differing arguments", node1, node2);
            }
        }

        if (!ArgumentComparison.SameStreams(node1.Directives, node2.Directives))
        {
            return Leaf(responseName, "they have differing stream directives", node1, node2);
        }

        var type1 = definition1?.Type;
        var type2 = definition2?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return Leaf(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", node1, node2);
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var subConflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive,
                type1.GetNamedType(),
                selectionSet1,
                type2.GetNamedType(),
                selectionSet2);
            return SubfieldConflicts(subConflicts, responseName, node1, node2);
        }

        return null;
    }

    // Lists and non-null must match exactly; leaf types must be the same type. Composite types
    // never conflict here: their fields are compared next.
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        while (true)
        {
            switch (type1, type2)
            {
                case (ListType list1, ListType list2):
                    type1 = list1.OfType;
                    type2 = list2.OfType;
                    continue;
                case (ListType, _) or (_, ListType):
                    return true;
                case (NonNullType nonNull1, NonNullType nonNull2):
                    type1 = nonNull1.OfType;
                    type2 = nonNull2.OfType;
                    continue;
                case (NonNullType, _) or (_, NonNullType):
                    return true;
                default:
                    return (type1.IsLeafType() || type2.IsLeafType()) && !ReferenceEquals(type1, type2);
            }
        }
    }

    private static FieldConflict Leaf(string responseName, string message, FieldNode node1, FieldNode node2) =>
        new(new ConflictReason(responseName, message, null), [node1], [node2]);

    private static FieldConflict? SubfieldConflicts(List<FieldConflict>? conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts is null)
        {
            return null;
        }

        var fields1 = new List<FieldNode> { node1 };
        var fields2 = new List<FieldNode> { node2 };
        foreach (var conflict in conflicts)
        {
            fields1.AddRange(conflict.Fields1);
            fields2.AddRange(conflict.Fields2);
        }

        return new FieldConflict(
            new ConflictReason(responseName, null, [.. conflicts.Select(c => c.Reason)]),
            fields1,
            fields2);
    }

    private CollectedSelections CollectFragment(FragmentDefinitionNode fragment)
    {
        // Skip resolving the type condition when the selection set is already known.
        if (_collected.TryGetValue(fragment.SelectionSet, out var cached))
        {
            return cached;
        }

        return Collect(schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);
    }

    private CollectedSelections Collect(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_collected.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        // A set the walk passed without collecting it is collected as it would have been then.
        if (_uncollectedParentTypes.Remove(selectionSet, out var visitedParentType))
        {
            parentType = visitedParentType;
        }

        var collected = new CollectedSelections();
        HashSet<string>? seenFragments = null;
        CollectInto(collected, ref seenFragments, parentType, selectionSet);
        _collected[selectionSet] = collected;
        return collected;
    }

    private void CollectInto(
        CollectedSelections collected,
        ref HashSet<string>? seenFragments,
        NamedType? parentType,
        SelectionSetNode selectionSet)
    {
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    var definition = parentType is FieldsType fieldsType ? fieldsType.GetField(field.Name.Value) : null;
                    var responseName = field.ResponseKey;
                    if (!collected.FieldsByResponseName.TryGetValue(responseName, out var fields))
                    {
                        fields = [];
                        collected.FieldsByResponseName.Add(responseName, fields);
                    }

                    fields.Add(new CollectedField(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    seenFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    if (seenFragments.Add(spread.Name.Value))
                    {
                        collected.FragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? schema.GetType(condition.Name.Value) : parentType;
                    CollectInto(collected, ref seenFragments, inlineType, inline.SelectionSet);
                    break;
            }
        }
    }
}
