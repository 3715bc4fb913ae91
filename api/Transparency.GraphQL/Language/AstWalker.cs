using System.Collections.Concurrent;
using System.Reflection;

namespace Transparency.GraphQL.Language;

/// <summary>
/// Hook called around every node of a walk, outside the visitor: graphql-js's
/// visitWithTypeInfo, so a TypeInfo tracker knows the parent type, field and input type
/// before the visitor's Enter and until after its Leave.
/// </summary>
public interface IAstWalkHook
{
    void Enter(Node node);

    void Leave(Node node);
}

/// <summary>
/// Walks an AST depth-first in graphql-js's key order (QueryDocumentKeys), calling a visitor's
/// Enter and Leave. Recursive: depth is bounded by ParseOptions.MaxDepth for parsed documents.
/// Allocates one ancestor list per walk and nothing per node.
/// </summary>
public sealed class AstWalker
{
    private readonly AstVisitor _visitor;
    private readonly IAstWalkHook? _hook;
    private readonly List<Node> _ancestors = [];

    private AstWalker(AstVisitor visitor, IAstWalkHook? hook)
    {
        _visitor = visitor;
        _hook = hook;
    }

    /// <summary>Walks root with visitor; hook (e.g. TypeInfo) sees each node first on entry and last on exit.</summary>
    public static void Walk(Node root, AstVisitor visitor, IAstWalkHook? hook = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        var walker = new AstWalker(visitor, hook);
        visitor.Attach(walker._ancestors);
        walker.Visit(root);
    }

    // False once the visitor asked to stop.
    private bool Visit(Node node)
    {
        _hook?.Enter(node);
        var action = _visitor.Enter(node);
        if (action == VisitAction.Break)
        {
            return false;
        }

        if (action == VisitAction.Skip)
        {
            _hook?.Leave(node);
            return true;
        }

        _ancestors.Add(node);
        var completed = VisitChildren(node);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        if (!completed)
        {
            return false;
        }

        action = _visitor.Leave(node);
        _hook?.Leave(node);
        return action != VisitAction.Break;
    }

    private bool VisitOptional(Node? node) => node is null || Visit(node);

    private bool VisitAll<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!Visit(nodes[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Children in graphql-js's QueryDocumentKeys order. A switch on Kind is a jump table;
    // names and scalar values have no children.
    private bool VisitChildren(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.Document:
                {
                    var n = (DocumentNode)node;
                    return VisitAll(n.Definitions);
                }

            case NodeKind.OperationDefinition:
                {
                    var n = (OperationDefinitionNode)node;
                    return VisitOptional(n.Description) && VisitOptional(n.Name) && VisitAll(n.VariableDefinitions)
                        && VisitAll(n.Directives) && VisitOptional(n.SelectionSet);
                }

            case NodeKind.VariableDefinition:
                {
                    var n = (VariableDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Variable) && Visit(n.Type) && VisitOptional(n.DefaultValue)
                        && VisitAll(n.Directives);
                }

            case NodeKind.Variable:
                {
                    var n = (VariableNode)node;
                    return Visit(n.Name);
                }

            case NodeKind.SelectionSet:
                {
                    var n = (SelectionSetNode)node;
                    return VisitAll(n.Selections);
                }

            case NodeKind.Field:
                {
                    var n = (FieldNode)node;
                    return VisitOptional(n.Alias) && Visit(n.Name) && VisitAll(n.Arguments) && VisitAll(n.Directives)
                        && VisitOptional(n.SelectionSet);
                }

            case NodeKind.Argument:
                {
                    var n = (ArgumentNode)node;
                    return Visit(n.Name) && Visit(n.Value);
                }

            case NodeKind.FragmentSpread:
                {
                    var n = (FragmentSpreadNode)node;
                    return Visit(n.Name) && VisitAll(n.Directives);
                }

            case NodeKind.InlineFragment:
                {
                    var n = (InlineFragmentNode)node;
                    return VisitOptional(n.TypeCondition) && VisitAll(n.Directives) && VisitOptional(n.SelectionSet);
                }

            case NodeKind.FragmentDefinition:
                {
                    var n = (FragmentDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitOptional(n.TypeCondition) && VisitAll(n.Directives)
                        && VisitOptional(n.SelectionSet);
                }

            case NodeKind.ListValue:
                {
                    var n = (ListValueNode)node;
                    return VisitAll(n.Values);
                }

            case NodeKind.ObjectValue:
                {
                    var n = (ObjectValueNode)node;
                    return VisitAll(n.Fields);
                }

            case NodeKind.ObjectField:
                {
                    var n = (ObjectFieldNode)node;
                    return Visit(n.Name) && Visit(n.Value);
                }

            case NodeKind.Directive:
                {
                    var n = (DirectiveNode)node;
                    return Visit(n.Name) && VisitAll(n.Arguments);
                }

            case NodeKind.NamedType:
                {
                    var n = (NamedTypeNode)node;
                    return Visit(n.Name);
                }

            case NodeKind.ListType:
                {
                    var n = (ListTypeNode)node;
                    return Visit(n.Type);
                }

            case NodeKind.NonNullType:
                {
                    var n = (NonNullTypeNode)node;
                    return Visit(n.Type);
                }

            case NodeKind.SchemaDefinition:
                {
                    var n = (SchemaDefinitionNode)node;
                    return VisitOptional(n.Description) && VisitAll(n.Directives) && VisitAll(n.OperationTypes);
                }

            case NodeKind.OperationTypeDefinition:
                {
                    var n = (OperationTypeDefinitionNode)node;
                    return Visit(n.Type);
                }

            case NodeKind.ScalarTypeDefinition:
                {
                    var n = (ScalarTypeDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives);
                }

            case NodeKind.ObjectTypeDefinition:
                {
                    var n = (ObjectTypeDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Interfaces) && VisitAll(n.Directives)
                        && VisitAll(n.Fields);
                }

            case NodeKind.FieldDefinition:
                {
                    var n = (FieldDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Arguments) && Visit(n.Type)
                        && VisitAll(n.Directives);
                }

            case NodeKind.InputValueDefinition:
                {
                    var n = (InputValueDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && Visit(n.Type) && VisitOptional(n.DefaultValue)
                        && VisitAll(n.Directives);
                }

            case NodeKind.InterfaceTypeDefinition:
                {
                    var n = (InterfaceTypeDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Interfaces) && VisitAll(n.Directives)
                        && VisitAll(n.Fields);
                }

            case NodeKind.UnionTypeDefinition:
                {
                    var n = (UnionTypeDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Types);
                }

            case NodeKind.EnumTypeDefinition:
                {
                    var n = (EnumTypeDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Values);
                }

            case NodeKind.EnumValueDefinition:
                {
                    var n = (EnumValueDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives);
                }

            case NodeKind.InputObjectTypeDefinition:
                {
                    var n = (InputObjectTypeDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Fields);
                }

            case NodeKind.DirectiveDefinition:
                {
                    var n = (DirectiveDefinitionNode)node;
                    return VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Arguments) && VisitAll(n.Directives)
                        && VisitAll(n.Locations);
                }

            case NodeKind.SchemaExtension:
                {
                    var n = (SchemaExtensionNode)node;
                    return VisitAll(n.Directives) && VisitAll(n.OperationTypes);
                }

            case NodeKind.ScalarTypeExtension:
                {
                    var n = (ScalarTypeExtensionNode)node;
                    return Visit(n.Name) && VisitAll(n.Directives);
                }

            case NodeKind.ObjectTypeExtension:
                {
                    var n = (ObjectTypeExtensionNode)node;
                    return Visit(n.Name) && VisitAll(n.Interfaces) && VisitAll(n.Directives) && VisitAll(n.Fields);
                }

            case NodeKind.InterfaceTypeExtension:
                {
                    var n = (InterfaceTypeExtensionNode)node;
                    return Visit(n.Name) && VisitAll(n.Interfaces) && VisitAll(n.Directives) && VisitAll(n.Fields);
                }

            case NodeKind.UnionTypeExtension:
                {
                    var n = (UnionTypeExtensionNode)node;
                    return Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Types);
                }

            case NodeKind.EnumTypeExtension:
                {
                    var n = (EnumTypeExtensionNode)node;
                    return Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Values);
                }

            case NodeKind.InputObjectTypeExtension:
                {
                    var n = (InputObjectTypeExtensionNode)node;
                    return Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Fields);
                }

            case NodeKind.DirectiveExtension:
                {
                    var n = (DirectiveExtensionNode)node;
                    return Visit(n.Name) && VisitAll(n.Directives);
                }

            case NodeKind.TypeCoordinate:
                {
                    var n = (TypeCoordinateNode)node;
                    return Visit(n.Name);
                }

            case NodeKind.MemberCoordinate:
                {
                    var n = (MemberCoordinateNode)node;
                    return Visit(n.Name) && Visit(n.MemberName);
                }

            case NodeKind.ArgumentCoordinate:
                {
                    var n = (ArgumentCoordinateNode)node;
                    return Visit(n.Name) && Visit(n.FieldName) && Visit(n.ArgumentName);
                }

            case NodeKind.DirectiveCoordinate:
                {
                    var n = (DirectiveCoordinateNode)node;
                    return Visit(n.Name);
                }

            case NodeKind.DirectiveArgumentCoordinate:
                {
                    var n = (DirectiveArgumentCoordinateNode)node;
                    return Visit(n.Name) && Visit(n.ArgumentName);
                }

            default:
                return true;
        }
    }
}

/// <summary>
/// Runs several visitors in one walk (graphql-js's visitInParallel): each keeps its own skip
/// and break state, so one rule skipping a subtree or stopping does not affect the others.
/// When every visitor is skipping, the subtree is skipped for the walk (and its hook) too.
/// A visitor is called only for the node kinds it overrides a method of (found once per
/// visitor type): validation runs some 27 rules and most nodes are names, which none reads.
/// </summary>
public sealed class ParallelVisitor : AstVisitor
{
    // Marks a visitor that returned Break; never a node of the walked tree.
    private static readonly Node Stopped = new NameNode(string.Empty);

    private static readonly int KindCount = Enum.GetValues<NodeKind>().Length;

    private readonly AstVisitor[] _visitors;

    // Per visitor: null while active, the node it skipped until that node is left, or Stopped.
    private readonly Node?[] _skipping;

    // Per node kind: the indices of the visitors whose Enter (Leave) does something for it.
    private readonly int[][] _entering;
    private readonly int[][] _leaving;

    // Visitors not null in _skipping, and of those the ones Stopped.
    private int _inactive;
    private int _stopped;

    public ParallelVisitor(IEnumerable<AstVisitor> visitors)
    {
        ArgumentNullException.ThrowIfNull(visitors);
        _visitors = [.. visitors];
        _skipping = new Node?[_visitors.Length];
        (_entering, _leaving) = DispatchTable.For(_visitors);
    }

    public IReadOnlyList<AstVisitor> Visitors => _visitors;

    protected internal override void Attach(IReadOnlyList<Node> ancestors)
    {
        base.Attach(ancestors);
        foreach (var visitor in _visitors)
        {
            visitor.Attach(ancestors);
        }
    }

    public override VisitAction Enter(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);

        // A visitor that does nothing for this kind would answer Continue: it stays active.
        foreach (var i in _entering[(int)node.Kind])
        {
            if (_skipping[i] is null)
            {
                var action = _visitors[i].Enter(node);
                if (action == VisitAction.Skip)
                {
                    _skipping[i] = node;
                    _inactive++;
                }
                else if (action == VisitAction.Break)
                {
                    _skipping[i] = Stopped;
                    _inactive++;
                    _stopped++;
                }
            }
        }

        if (_inactive < _visitors.Length)
        {
            return VisitAction.Continue;
        }

        // Nobody wants this subtree: skip it for the walk, and wake those that skipped at this node,
        // since the walk will not call Leave for it.
        for (var i = 0; i < _skipping.Length; i++)
        {
            if (ReferenceEquals(_skipping[i], node))
            {
                _skipping[i] = null;
                _inactive--;
            }
        }

        return _stopped == _visitors.Length ? VisitAction.Break : VisitAction.Skip;
    }

    public override VisitAction Leave(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var skipping = _inactive > _stopped;
        foreach (var i in _leaving[(int)node.Kind])
        {
            if (_skipping[i] is null && _visitors[i].Leave(node) == VisitAction.Break)
            {
                _skipping[i] = Stopped;
                _inactive++;
                _stopped++;
            }
        }

        // Those that skipped at this node see the walk again from here on (not this Leave).
        if (skipping)
        {
            for (var i = 0; i < _skipping.Length; i++)
            {
                if (ReferenceEquals(_skipping[i], node))
                {
                    _skipping[i] = null;
                    _inactive--;
                }
            }
        }

        return _stopped == _visitors.Length && _visitors.Length > 0 ? VisitAction.Break : VisitAction.Continue;
    }

    /// <summary>
    /// Per node kind, which of a list of visitors to call on Enter and on Leave; built once per
    /// list of visitor types (validation builds the same list for every document).
    /// </summary>
    private static class DispatchTable
    {
        private static readonly ConcurrentDictionary<TypeList, (int[][] Entering, int[][] Leaving)> ByTypes = new();

        public static (int[][] Entering, int[][] Leaving) For(AstVisitor[] visitors)
        {
            var types = new Type[visitors.Length];
            for (var i = 0; i < visitors.Length; i++)
            {
                types[i] = visitors[i].GetType();
            }

            return ByTypes.GetOrAdd(new TypeList(types), static key => Build(key.Types));
        }

        private static (int[][] Entering, int[][] Leaving) Build(Type[] types)
        {
            var kinds = types.Select(VisitedKinds.Of).ToArray();
            var entering = new int[KindCount][];
            var leaving = new int[KindCount][];
            for (var kind = 0; kind < KindCount; kind++)
            {
                entering[kind] = [.. Enumerable.Range(0, types.Length).Where(i => kinds[i].Enters[kind])];
                leaving[kind] = [.. Enumerable.Range(0, types.Length).Where(i => kinds[i].Leaves[kind])];
            }

            return (entering, leaving);
        }
    }

    private readonly struct TypeList(Type[] types) : IEquatable<TypeList>
    {
        public Type[] Types { get; } = types;

        public bool Equals(TypeList other) => Types.AsSpan().SequenceEqual(other.Types);

        public override bool Equals(object? obj) => obj is TypeList other && Equals(other);

        public override int GetHashCode()
        {
            var hash = default(HashCode);
            foreach (var type in Types)
            {
                hash.Add(type);
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>The node kinds a visitor type overrides Enter or Leave methods for.</summary>
    private sealed class VisitedKinds
    {
        private static readonly ConcurrentDictionary<Type, VisitedKinds> ByType = new();

        private VisitedKinds(Type type)
        {
            Enters = new bool[KindCount];
            Leaves = new bool[KindCount];
            var overridden = type
                .GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(method => method.DeclaringType != typeof(AstVisitor)
                    && method.GetBaseDefinition().DeclaringType == typeof(AstVisitor))
                .Select(method => method.Name)
                .ToHashSet(StringComparer.Ordinal);
            var entersAll = overridden.Contains(nameof(Enter));
            var leavesAll = overridden.Contains(nameof(Leave));
            foreach (var kind in Enum.GetValues<NodeKind>())
            {
                Enters[(int)kind] = entersAll || overridden.Contains(nameof(Enter) + kind);
                Leaves[(int)kind] = leavesAll || overridden.Contains(nameof(Leave) + kind);
            }
        }

        public bool[] Enters { get; }

        public bool[] Leaves { get; }

        public static VisitedKinds Of(Type type) => ByType.GetOrAdd(type, static t => new VisitedKinds(t));
    }
}
