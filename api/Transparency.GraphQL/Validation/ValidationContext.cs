using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation;

/// <summary>
/// What every rule gets (graphql-js's ASTValidationContext): the document, a way to report an
/// error, and fragment lookups computed once per document and shared by all rules.
/// </summary>
public abstract class AstValidationContext
{
    private readonly Action<GraphQLError> _onError;
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads =
        new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<ExecutableDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursiveFragments =
        new(ReferenceEqualityComparer.Instance);

    private Dictionary<string, FragmentDefinitionNode>? _fragments;

    // Scratch stacks of selection sets still to search, one per method below (the second
    // calls the first while using its own); each is left empty after use.
    private readonly Stack<SelectionSetNode> _pendingForSpreads = new();
    private readonly Stack<SelectionSetNode> _pendingForFragments = new();

    private protected AstValidationContext(DocumentNode document, GraphQLSchema? schema, Action<GraphQLError> onError)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(onError);
        Document = document;
        Schema = schema;
        _onError = onError;
    }

    public DocumentNode Document { get; }

    /// <summary>The schema validated against; null when validating SDL with nothing to extend.</summary>
    public GraphQLSchema? Schema { get; }

    public void ReportError(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _onError(error);
    }

    /// <summary>The fragment definition called name (the first one, if defined twice), or null.</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    _fragments.TryAdd(fragment.Name.Value, fragment);
                }
            }
        }

        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>The fragment spreads directly in a selection set, inline fragments looked through.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        ArgumentNullException.ThrowIfNull(selectionSet);
        if (_fragmentSpreads.TryGetValue(selectionSet, out var found))
        {
            return found;
        }

        List<FragmentSpreadNode>? spreads = null;
        var pending = _pendingForSpreads;
        pending.Push(selectionSet);
        while (pending.Count > 0)
        {
            var selections = pending.Pop().Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                switch (selections[i])
                {
                    case FragmentSpreadNode spread:
                        (spreads ??= []).Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        pending.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        IReadOnlyList<FragmentSpreadNode> result = spreads is null ? [] : spreads;
        _fragmentSpreads[selectionSet] = result;
        return result;
    }

    /// <summary>
    /// Every fragment an operation (or fragment) uses, directly or through other fragments,
    /// each once, in the order first reached. Unknown fragment names are left out.
    /// </summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(ExecutableDefinitionNode definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_recursiveFragments.TryGetValue(definition, out var found))
        {
            return found;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var pending = _pendingForFragments;
        pending.Push(definition.SelectionSet);
        while (pending.Count > 0)
        {
            var spreads = GetFragmentSpreads(pending.Pop());
            for (var i = 0; i < spreads.Count; i++)
            {
                var name = spreads[i].Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    pending.Push(fragment.SelectionSet);
                }
            }
        }

        _recursiveFragments[definition] = fragments;
        return fragments;
    }
}

/// <summary>Context of the SDL rules (graphql-js's SDLValidationContext): Schema is the schema being extended, if any.</summary>
public sealed class SdlValidationContext : AstValidationContext
{
    public SdlValidationContext(DocumentNode document, GraphQLSchema? schema, Action<GraphQLError> onError)
        : base(document, schema, onError)
    {
    }
}

/// <summary>
/// A variable as used in a document, with the input type expected where it stands and whether
/// that place has a default of its own (an argument or input field default).
/// </summary>
/// <param name="Node">The variable reference.</param>
/// <param name="Type">The input type of the position, or null when the position is unknown.</param>
/// <param name="HasDefaultValue">Whether the argument or input field at the position has a default.</param>
/// <param name="DefaultValue">That default: the literal (ValueNode) for SDL defaults, else the CLR value.</param>
/// <param name="ParentType">The input type enclosing the position (an input object for an input field).</param>
public sealed record VariableUsage(
    VariableNode Node,
    GraphQLType? Type,
    bool HasDefaultValue,
    object? DefaultValue,
    GraphQLType? ParentType);

/// <summary>
/// Context of the executable rules (graphql-js's ValidationContext): the schema, the type
/// information of the node being visited (kept by the walk, so it is current in every Enter
/// and Leave), and variable usages computed once per operation or fragment.
/// </summary>
public sealed class ValidationContext : AstValidationContext
{
    private readonly TypeInfo _typeInfo;
    private readonly Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>> _variableUsages =
        new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages =
        new(ReferenceEqualityComparer.Instance);

    public ValidationContext(GraphQLSchema schema, DocumentNode document, Action<GraphQLError> onError)
        : base(document, schema ?? throw new ArgumentNullException(nameof(schema)), onError)
    {
        _typeInfo = new TypeInfo(schema);
    }

    /// <summary>The schema the document is validated against.</summary>
    public new GraphQLSchema Schema => base.Schema!;

    /// <summary>Hook the walk calls around each node, so the type information stays current.</summary>
    internal IAstWalkHook TypeInfoHook => _typeInfo;

    /// <summary>The output type of the current field, fragment or operation (null if unknown).</summary>
    /// <remarks>Hides object.GetType on purpose: graphql-js's name, which rules are written against.</remarks>
    public new GraphQLType? GetType() => _typeInfo.Type;

    /// <summary>The composite type whose selection set is being visited.</summary>
    public NamedType? GetParentType() => _typeInfo.ParentType;

    /// <summary>The input type expected at the current argument, input field, list item or variable definition.</summary>
    public GraphQLType? GetInputType() => _typeInfo.InputType;

    /// <summary>The input type enclosing the current one (the list, or the input object of a field).</summary>
    public GraphQLType? GetParentInputType() => _typeInfo.ParentInputType;

    /// <summary>The definition of the field being visited (meta fields included).</summary>
    public FieldDefinition? GetFieldDef() => _typeInfo.FieldDef;

    /// <summary>The definition of the directive being visited.</summary>
    public DirectiveDefinition? GetDirective() => _typeInfo.Directive;

    /// <summary>The definition of the argument being visited.</summary>
    public InputValueDefinition? GetArgument() => _typeInfo.Argument;

    /// <summary>The enum value being visited, when the expected type is an enum that has it.</summary>
    public EnumValueDefinition? GetEnumValue() => _typeInfo.EnumValue;

    /// <summary>Variables used in an operation's or fragment's own selections (not through spreads).</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_variableUsages.TryGetValue(definition, out var usages))
        {
            if (HasNoVariableText(definition))
            {
                usages = [];
            }
            else
            {
                var collector = new VariableUsageCollector(Schema);
                AstWalker.Walk(definition, collector, collector.TypeInfo);
                usages = collector.Usages;
            }

            _variableUsages[definition] = usages;
        }

        return usages;
    }

    // Every variable of a parsed definition is a '$' in its text: without one, the walk with type
    // information (a second walk of the definition) would find nothing. Introspection queries,
    // and many others, have no variables.
    private static bool HasNoVariableText(ExecutableDefinitionNode definition) =>
        definition.Loc is { } loc
        && loc.Start >= 0 && loc.Start <= loc.End && loc.End <= loc.Source.Body.Length
        && !loc.Source.Body.AsSpan(loc.Start, loc.End - loc.Start).Contains('$');

    /// <summary>Variables used by an operation, including through every fragment it spreads.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!_recursiveVariableUsages.TryGetValue(operation, out var usages))
        {
            // Built only when some definition uses a variable: most documents use none.
            List<VariableUsage>? all = null;
            AddUsages(ref all, GetVariableUsages(operation));
            var fragments = GetRecursivelyReferencedFragments(operation);
            for (var i = 0; i < fragments.Count; i++)
            {
                AddUsages(ref all, GetVariableUsages(fragments[i]));
            }

            usages = all is null ? [] : all;
            _recursiveVariableUsages[operation] = usages;
        }

        return usages;
    }

    private static void AddUsages(ref List<VariableUsage>? all, IReadOnlyList<VariableUsage> usages)
    {
        if (usages.Count > 0)
        {
            (all ??= []).AddRange(usages);
        }
    }

    private sealed class VariableUsageCollector(GraphQLSchema schema) : AstVisitor
    {
        public TypeInfo TypeInfo { get; } = new(schema);

        public List<VariableUsage> Usages { get; } = [];

        // A variable's own definition is not a use of it.
        public override VisitAction EnterVariableDefinition(VariableDefinitionNode node) => VisitAction.Skip;

        public override VisitAction EnterVariable(VariableNode node)
        {
            var source = TypeInfo.DefaultValueSource;
            var defaultValue = source?.DefaultValueLiteral ?? source?.DefaultValue;
            Usages.Add(new VariableUsage(node, TypeInfo.InputType, TypeInfo.HasDefaultValue, defaultValue, TypeInfo.ParentInputType));
            return VisitAction.Continue;
        }
    }
}
