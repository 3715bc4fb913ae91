using Transparency.GraphQL.Language;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Types;

/// <summary>
/// The type system's own validity rules (spec Section 3, each type's "Type Validation"), in
/// graphql-js 17's type/validate.ts order and wording. Elements are named by their schema
/// coordinates (<c>Type.field(arg:)</c>), as graphql-js 17 prints them.
/// </summary>
public static class SchemaValidator
{
    public static IReadOnlyList<GraphQLError> Validate(GraphQLSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<GraphQLError>();
        ValidateRootTypes(schema, errors);
        ValidateDirectives(schema, errors);
        ValidateTypes(schema, errors);
        return errors;
    }

    private static void Report(List<GraphQLError> errors, string message, params Node?[] nodes) =>
        errors.Add(new GraphQLError(message, nodes.OfType<Node>().ToList()));

    private static void ValidateRootTypes(GraphQLSchema schema, List<GraphQLError> errors)
    {
        if (schema.QueryType is null)
        {
            Report(errors, "Query root type must be provided.", schema.AstNode);
        }

        var operationsByType = new Dictionary<ObjectType, List<OperationType>>(ReferenceEqualityComparer.Instance);
        foreach (var operation in new[] { OperationType.Query, OperationType.Mutation, OperationType.Subscription })
        {
            if (schema.GetRootType(operation) is { } root)
            {
                if (!operationsByType.TryGetValue(root, out var list))
                {
                    operationsByType[root] = list = [];
                }

                list.Add(operation);
            }
        }

        foreach (var (root, operations) in operationsByType)
        {
            if (operations.Count > 1)
            {
                var names = operations.Select(o => o.ToString().ToLowerInvariant()).ToList();
                Report(
                    errors,
                    $"All root types must be different, \"{root.Name}\" type is used as {Suggestions.AndList(names)} root types.",
                    [.. operations.Select(o => OperationTypeNode(schema, o))]);
            }
        }
    }

    private static NamedTypeNode? OperationTypeNode(GraphQLSchema schema, OperationType operation) =>
        new[] { schema.AstNode?.OperationTypes ?? [] }
            .Concat(schema.ExtensionAstNodes.Select(e => e.OperationTypes))
            .SelectMany(o => o)
            .FirstOrDefault(o => o.Operation == operation)?.Type;

    private static void ValidateDirectives(GraphQLSchema schema, List<GraphQLError> errors)
    {
        foreach (var directive in schema.Directives)
        {
            ValidateName(errors, directive.Name, directive.AstNode);
            if (directive.Locations.Count == 0)
            {
                Report(errors, $"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            }

            foreach (var argument in directive.Arguments)
            {
                var coordinate = $"@{directive.Name}({argument.Name}:)";
                ValidateName(errors, argument.Name, argument.AstNode);
                if (!argument.Type.IsInputType())
                {
                    Report(errors, $"The type of {coordinate} must be Input Type but got: {argument.Type}.", argument.AstNode);
                }

                if (argument.IsRequired && argument.DeprecationReason is not null)
                {
                    Report(errors, $"Required argument {coordinate} cannot be deprecated.", DeprecatedDirectiveNode(argument.AstNode?.Directives), argument.AstNode?.Type);
                }

                ValidateDefaultValue(errors, coordinate, argument);
            }
        }
    }

    // Literal defaults (from SDL) must be valid for their type; code-first defaults are
    // internal values already, printed through astFromValue.
    private static void ValidateDefaultValue(List<GraphQLError> errors, string coordinate, InputValueDefinition value)
    {
        if (value.DefaultValueLiteral is not { } literal)
        {
            return;
        }

        ValidateInputLiteral.Validate(literal, value.Type, (error, path) =>
            errors.Add(new GraphQLError(
                $"{coordinate} has invalid default value{ValidateInputLiteral.PrintPath(path)}: {error.Message}",
                error.Nodes ?? (value.AstNode?.DefaultValue is { } node ? [node] : null))));
    }

    private static void ValidateName(List<GraphQLError> errors, string name, Node? node)
    {
        // Names starting with "__" are reserved for introspection (spec Section 3, "Names").
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            Report(errors, $"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
        }
    }

    private static void ValidateTypes(GraphQLSchema schema, List<GraphQLError> errors)
    {
        var inputObjects = new List<InputObjectType>();
        var defaultCycles = new DefaultValueCycles(errors);
        foreach (var type in schema.TypeMap.Values)
        {
            if (!Introspection.IsIntrospectionType(type))
            {
                ValidateName(errors, type.Name, type.AstNode);
            }

            switch (type)
            {
                case FieldsType fields:
                    ValidateFields(errors, fields);
                    ValidateInterfaces(schema, errors, fields);
                    break;
                case UnionType union:
                    ValidateUnionMembers(errors, union);
                    break;
                case EnumType enumType:
                    ValidateEnumValues(errors, enumType);
                    break;
                case InputObjectType input:
                    ValidateInputFields(errors, input);
                    inputObjects.Add(input);
                    defaultCycles.Detect(input);
                    break;
            }
        }

        InputObjectCycles.Detect(errors, inputObjects);
    }

    private static Node?[] WithExtensions(NamedType type) => [type.AstNode, .. type.ExtensionAstNodes];

    private static void ValidateFields(List<GraphQLError> errors, FieldsType type)
    {
        if (type.Fields.Count == 0)
        {
            Report(errors, $"Type {type.Name} must define one or more fields.", WithExtensions(type));
        }

        foreach (var field in type.Fields)
        {
            ValidateName(errors, field.Name, field.AstNode);
            if (!field.Type.IsOutputType())
            {
                Report(errors, $"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            }

            foreach (var argument in field.Arguments)
            {
                var coordinate = $"{type.Name}.{field.Name}({argument.Name}:)";
                ValidateName(errors, argument.Name, argument.AstNode);
                if (!argument.Type.IsInputType())
                {
                    Report(errors, $"The type of {coordinate} must be Input Type but got: {argument.Type}.", argument.AstNode?.Type);
                }

                if (argument.IsRequired && argument.DeprecationReason is not null)
                {
                    Report(errors, $"Required argument {coordinate} cannot be deprecated.", DeprecatedDirectiveNode(argument.AstNode?.Directives), argument.AstNode?.Type);
                }

                ValidateDefaultValue(errors, coordinate, argument);
            }
        }
    }

    private static void ValidateInterfaces(GraphQLSchema schema, List<GraphQLError> errors, FieldsType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(type, iface))
            {
                Report(errors, $"Type {type.Name} cannot implement itself because it would create a circular reference.", ImplementsNodes(type, iface));
                continue;
            }

            if (!seen.Add(iface.Name))
            {
                Report(errors, $"Type {type.Name} can only implement {iface.Name} once.", ImplementsNodes(type, iface));
                continue;
            }

            ValidateImplementsAncestors(errors, type, iface);
            ValidateImplementsInterface(schema, errors, type, iface);
        }
    }

    private static void ValidateImplementsInterface(GraphQLSchema schema, List<GraphQLError> errors, FieldsType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var ifaceCoordinate = $"{iface.Name}.{ifaceField.Name}";
            var typeField = type.GetField(ifaceField.Name);
            if (typeField is null)
            {
                Report(errors, $"Interface field {ifaceCoordinate} expected but {type.Name} does not provide it.", [ifaceField.AstNode, .. WithExtensions(type)]);
                continue;
            }

            var typeCoordinate = $"{type.Name}.{typeField.Name}";

            // Field types are covariant (spec Section 3.7, IsValidImplementationFieldType).
            if (!TypeComparators.IsTypeSubTypeOf(schema, typeField.Type, ifaceField.Type))
            {
                Report(
                    errors,
                    $"Interface field {ifaceCoordinate} expects type {ifaceField.Type} but {typeCoordinate} is type {typeField.Type}.",
                    ifaceField.AstNode?.Type,
                    typeField.AstNode?.Type);
            }

            // Arguments are invariant.
            foreach (var ifaceArgument in ifaceField.Arguments)
            {
                var typeArgument = typeField.GetArgument(ifaceArgument.Name);
                if (typeArgument is null)
                {
                    Report(
                        errors,
                        $"Interface field argument {ifaceCoordinate}({ifaceArgument.Name}:) expected but {typeCoordinate} does not provide it.",
                        ifaceArgument.AstNode,
                        typeField.AstNode);
                    continue;
                }

                if (!TypeComparators.IsEqualType(ifaceArgument.Type, typeArgument.Type))
                {
                    Report(
                        errors,
                        $"Interface field argument {ifaceCoordinate}({ifaceArgument.Name}:) expects type {ifaceArgument.Type} but {typeCoordinate}({typeArgument.Name}:) is type {typeArgument.Type}.",
                        ifaceArgument.AstNode?.Type,
                        typeArgument.AstNode?.Type);
                }
            }

            // An implementation may add arguments, but only optional ones.
            foreach (var typeArgument in typeField.Arguments)
            {
                if (typeArgument.IsRequired && ifaceField.GetArgument(typeArgument.Name) is null)
                {
                    Report(
                        errors,
                        $"Argument \"{typeCoordinate}({typeArgument.Name}:)\" must not be required type \"{typeArgument.Type}\" if not provided by the Interface field \"{ifaceCoordinate}\".",
                        typeArgument.AstNode,
                        ifaceField.AstNode);
                }
            }

            if (typeField.DeprecationReason is not null && ifaceField.DeprecationReason is null)
            {
                Report(
                    errors,
                    $"Interface field {ifaceCoordinate} is not deprecated, so implementation field {typeCoordinate} must not be deprecated.",
                    DeprecatedDirectiveNode(typeField.AstNode?.Directives),
                    typeField.AstNode?.Type);
            }
        }
    }

    private static void ValidateImplementsAncestors(List<GraphQLError> errors, FieldsType type, InterfaceType iface)
    {
        foreach (var transitive in iface.Interfaces)
        {
            if (!type.Interfaces.Contains(transitive))
            {
                Report(
                    errors,
                    ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                    [.. ImplementsNodes(iface, transitive), .. ImplementsNodes(type, iface)]);
            }
        }
    }

    private static Node?[] ImplementsNodes(NamedType type, InterfaceType iface)
    {
        IEnumerable<IReadOnlyList<NamedTypeNode>> lists = type.AstNode switch
        {
            ObjectTypeDefinitionNode o => [o.Interfaces],
            InterfaceTypeDefinitionNode i => [i.Interfaces],
            _ => [],
        };
        lists = lists.Concat(type.ExtensionAstNodes.Select(e => e switch
        {
            ObjectTypeExtensionNode o => o.Interfaces,
            InterfaceTypeExtensionNode i => i.Interfaces,
            _ => [],
        }));
        return [.. lists.SelectMany(l => l).Where(n => n.Name.Value == iface.Name)];
    }

    private static void ValidateUnionMembers(List<GraphQLError> errors, UnionType union)
    {
        if (union.Types.Count == 0)
        {
            Report(errors, $"Union type {union.Name} must define one or more member types.", WithExtensions(union));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in union.Types)
        {
            if (!seen.Add(member.Name))
            {
                Report(errors, $"Union type {union.Name} can only include type {member.Name} once.", UnionMemberNodes(union, member.Name));
            }
        }
    }

    private static Node?[] UnionMemberNodes(UnionType union, string name)
    {
        IEnumerable<IReadOnlyList<NamedTypeNode>> lists = union.AstNode is UnionTypeDefinitionNode d ? [d.Types] : [];
        lists = lists.Concat(union.ExtensionAstNodes.OfType<UnionTypeExtensionNode>().Select(e => e.Types));
        return [.. lists.SelectMany(l => l).Where(n => n.Name.Value == name)];
    }

    private static void ValidateEnumValues(List<GraphQLError> errors, EnumType enumType)
    {
        if (enumType.Values.Count == 0)
        {
            Report(errors, $"Enum type {enumType.Name} must define one or more values.", WithExtensions(enumType));
        }

        foreach (var value in enumType.Values)
        {
            ValidateName(errors, value.Name, value.AstNode);
        }
    }

    private static void ValidateInputFields(List<GraphQLError> errors, InputObjectType input)
    {
        if (input.Fields.Count == 0)
        {
            Report(errors, $"Input Object type {input.Name} must define one or more fields.", WithExtensions(input));
        }

        foreach (var field in input.Fields)
        {
            var coordinate = $"{input.Name}.{field.Name}";
            ValidateName(errors, field.Name, field.AstNode);
            if (!field.Type.IsInputType())
            {
                Report(errors, $"The type of {coordinate} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            }

            if (field.IsRequired && field.DeprecationReason is not null)
            {
                Report(errors, $"Required input field {coordinate} cannot be deprecated.", DeprecatedDirectiveNode(field.AstNode?.Directives), field.AstNode?.Type);
            }

            ValidateDefaultValue(errors, coordinate, field);

            if (input.IsOneOf)
            {
                // @oneOf: every field nullable and without default (spec Section 3.10).
                if (field.Type is NonNullType)
                {
                    Report(errors, $"OneOf input field {coordinate} must be nullable.", field.AstNode?.Type);
                }

                if (field.HasDefault)
                {
                    Report(errors, $"OneOf input field {coordinate} cannot have a default value.", field.AstNode);
                }
            }
        }
    }

    private static DirectiveNode? DeprecatedDirectiveNode(IReadOnlyList<DirectiveNode>? directives) =>
        directives?.FirstOrDefault(d => d.Name.Value == Directives.Deprecated.Name);

    /// <summary>
    /// Defaults that refer to themselves: a field whose default omits a field whose own default
    /// leads back to the first (graphql-js 17's input object default value cycle check).
    /// </summary>
    private sealed class DefaultValueCycles(List<GraphQLError> errors)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<(string Coordinate, Node? Node)> _path = [];
        private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);

        public void Detect(InputObjectType type) => DetectInValue(type, new Dictionary<string, object?>());

        private void DetectInValue(InputObjectType type, object? value)
        {
            if (value is null or string)
            {
                return;
            }

            if (AstFromValue.IsList(value))
            {
                foreach (var item in AstFromValue.Items(value))
                {
                    DetectInValue(type, item);
                }

                return;
            }

            if (!AstFromValue.TryGetMembers(value, out var members))
            {
                return;
            }

            foreach (var field in type.Fields)
            {
                if (field.Type.GetNamedType() is not InputObjectType fieldType)
                {
                    continue;
                }

                if (members(field.Name, out var fieldValue))
                {
                    DetectInValue(fieldType, fieldValue);
                }
                else
                {
                    DetectInField(field, fieldType, $"{type.Name}.{field.Name}");
                }
            }
        }

        private void DetectInLiteral(InputObjectType type, ValueNode value)
        {
            if (value is ListValueNode list)
            {
                foreach (var item in list.Values)
                {
                    DetectInLiteral(type, item);
                }

                return;
            }

            if (value is not ObjectValueNode obj)
            {
                return;
            }

            foreach (var field in type.Fields)
            {
                if (field.Type.GetNamedType() is not InputObjectType fieldType)
                {
                    continue;
                }

                var fieldNode = obj.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                if (fieldNode is not null)
                {
                    DetectInLiteral(fieldType, fieldNode.Value);
                }
                else
                {
                    DetectInField(field, fieldType, $"{type.Name}.{field.Name}");
                }
            }
        }

        private void DetectInField(InputValueDefinition field, InputObjectType fieldType, string coordinate)
        {
            if (!field.HasDefault)
            {
                return;
            }

            // Indexes are 1-based, as graphql-js stores the length after its push.
            if (_pathIndex.TryGetValue(coordinate, out var cycleIndex))
            {
                var via = cycleIndex < _path.Count
                    ? " via the default values of: " + string.Join(", ", _path.Skip(cycleIndex).Select(p => p.Coordinate))
                    : string.Empty;
                Report(
                    errors,
                    $"Invalid circular reference. The default value of Input Object field {coordinate} references itself{via}.",
                    [.. _path.Skip(cycleIndex - 1).Select(p => p.Node)]);
                return;
            }

            if (!_visited.Add(coordinate))
            {
                return;
            }

            _path.Add((coordinate, field.AstNode?.DefaultValue));
            _pathIndex[coordinate] = _path.Count;
            if (field.DefaultValueLiteral is { } literal)
            {
                DetectInLiteral(fieldType, literal);
            }
            else
            {
                DetectInValue(fieldType, field.DefaultValue);
            }

            _path.RemoveAt(_path.Count - 1);
            _pathIndex.Remove(coordinate);
        }
    }

    /// <summary>
    /// Input objects that no finite value can satisfy: a cycle of non-null input object fields,
    /// or a @oneOf type whose every field leads back into such a cycle (graphql-js 17's
    /// detectInputObjectNonFiniteValues).
    /// </summary>
    private sealed class InputObjectCycles
    {
        private readonly Dictionary<InputObjectType, State> _states = new(ReferenceEqualityComparer.Instance);
        private readonly List<GraphQLError> _errors;
        private readonly HashSet<InputObjectType> _visited = new(ReferenceEqualityComparer.Instance);
        private readonly List<(string Coordinate, Node? Node)> _fieldPath = [];
        private readonly Dictionary<InputObjectType, int> _pathIndex = new(ReferenceEqualityComparer.Instance);

        private InputObjectCycles(List<GraphQLError> errors, List<InputObjectType> types)
        {
            _errors = errors;
            foreach (var type in types)
            {
                _states[type] = new State(type);
            }
        }

        public static void Detect(List<GraphQLError> errors, List<InputObjectType> types) =>
            new InputObjectCycles(errors, types).Run();

        private void Run()
        {
            var finite = new Stack<State>();
            void MarkFinite(State state)
            {
                if (!state.HasFiniteValue)
                {
                    state.HasFiniteValue = true;
                    finite.Push(state);
                }
            }

            foreach (var state in _states.Values)
            {
                var fields = state.Type.Fields;
                foreach (var field in fields)
                {
                    if (Target(state.Type, field.Type) is not { } target)
                    {
                        continue;
                    }

                    state.Targets.Add((field, target));
                    if (_states.TryGetValue(target, out var targetState))
                    {
                        targetState.Dependents.Add(state);
                    }
                }

                if (state.Type.IsOneOf)
                {
                    // One field leading anywhere finite is enough for a @oneOf type.
                    if (fields.Count == 0 || state.Targets.Count < fields.Count)
                    {
                        MarkFinite(state);
                    }
                }
                else
                {
                    state.UnresolvedTargets = state.Targets.Count;
                    if (state.Targets.Count == 0)
                    {
                        MarkFinite(state);
                    }
                }
            }

            while (finite.TryPop(out var next))
            {
                foreach (var dependent in next.Dependents)
                {
                    if (dependent.HasFiniteValue)
                    {
                        continue;
                    }

                    if (dependent.Type.IsOneOf || --dependent.UnresolvedTargets == 0)
                    {
                        MarkFinite(dependent);
                    }
                }
            }

            foreach (var state in _states.Values)
            {
                if (!state.HasFiniteValue)
                {
                    ReportCycles(state);
                }
            }
        }

        private void ReportCycles(State state)
        {
            if (!_visited.Add(state.Type))
            {
                return;
            }

            _pathIndex[state.Type] = _fieldPath.Count;
            foreach (var (field, target) in state.Targets)
            {
                if (!_states.TryGetValue(target, out var targetState) || targetState.HasFiniteValue)
                {
                    continue;
                }

                _fieldPath.Add(($"{state.Type.Name}.{field.Name}", field.AstNode));
                if (_pathIndex.TryGetValue(target, out var cycleIndex))
                {
                    var cycle = _fieldPath.Skip(cycleIndex).ToList();
                    Report(
                        _errors,
                        $"Input Object {target.Name} cannot be provided a finite value because it references itself through fields: {string.Join(", ", cycle.Select(p => p.Coordinate))}.",
                        [.. cycle.Select(p => p.Node)]);
                }
                else
                {
                    ReportCycles(targetState);
                }

                _fieldPath.RemoveAt(_fieldPath.Count - 1);
            }

            _pathIndex.Remove(state.Type);
        }

        // A field that forces a value of another input object: non-null fields for ordinary
        // input objects; any input object field for @oneOf (its only field must be given).
        private static InputObjectType? Target(InputObjectType owner, GraphQLType fieldType) =>
            owner.IsOneOf
                ? fieldType as InputObjectType
                : fieldType is NonNullType { OfType: InputObjectType target } ? target : null;

        private sealed class State(InputObjectType type)
        {
            public InputObjectType Type { get; } = type;

            public List<(InputValueDefinition Field, InputObjectType Target)> Targets { get; } = [];

            public List<State> Dependents { get; } = [];

            public int UnresolvedTargets { get; set; }

            public bool HasFiniteValue { get; set; }
        }
    }
}
