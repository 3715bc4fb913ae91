using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>Options for building a schema from SDL.</summary>
public sealed record BuildSchemaOptions
{
    /// <summary>
    /// Coercion for custom scalars by name: an SDL <c>scalar DateTime</c> takes the coercions
    /// of the scalar given here (its description and @specifiedBy still come from the SDL).
    /// Without one, a custom scalar passes values through unchanged, as in graphql-js.
    /// </summary>
    public IReadOnlyDictionary<string, ScalarType>? ScalarImplementations { get; init; }
}

/// <summary>
/// SDL to schema (graphql-js buildASTSchema / buildSchema): type, directive and schema
/// definitions and their extensions, descriptions, @deprecated, @specifiedBy and @oneOf.
/// Defaults stay literals until first used. The document is assumed to be valid SDL (the SDL
/// validation rules live in Validation/); references to unknown types throw.
/// </summary>
public static class BuildAstSchema
{
    /// <summary>Parses sdl and builds the schema.</summary>
    public static GraphQLSchema BuildSchema(string sdl, BuildSchemaOptions? options = null) =>
        Build(Parser.Parse(sdl), options);

    public static GraphQLSchema Build(DocumentNode document, BuildSchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new SchemaFromAst(document, options ?? new BuildSchemaOptions()).Build();
    }

    private sealed class SchemaFromAst
    {
        private static readonly Dictionary<string, NamedType> StandardTypes =
            Scalars.Specified.Concat(Introspection.Types).ToDictionary(t => t.Name, StringComparer.Ordinal);

        private readonly BuildSchemaOptions _options;
        private readonly List<TypeDefinitionNode> _typeDefinitions = [];
        private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
        private readonly List<DirectiveDefinitionNode> _directiveDefinitions = [];
        private readonly List<SchemaExtensionNode> _schemaExtensions = [];
        private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
        private SchemaDefinitionNode? _schemaDefinition;

        public SchemaFromAst(DocumentNode document, BuildSchemaOptions options)
        {
            _options = options;
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case SchemaDefinitionNode schema:
                        _schemaDefinition = schema;
                        break;
                    case SchemaExtensionNode schemaExtension:
                        _schemaExtensions.Add(schemaExtension);
                        break;
                    case TypeDefinitionNode type:
                        _typeDefinitions.Add(type);
                        break;
                    case TypeExtensionNode extension:
                        if (!_extensions.TryGetValue(extension.Name.Value, out var list))
                        {
                            _extensions[extension.Name.Value] = list = [];
                        }

                        list.Add(extension);
                        break;
                    case DirectiveDefinitionNode directive:
                        _directiveDefinitions.Add(directive);
                        break;
                }
            }
        }

        public GraphQLSchema Build()
        {
            foreach (var definition in _typeDefinitions)
            {
                var name = definition.Name.Value;
                _typeMap[name] = StandardTypes.GetValueOrDefault(name) ?? BuildType(definition, ExtensionsOf(name));
            }

            foreach (var (name, extensions) in _extensions)
            {
                if (!_typeMap.ContainsKey(name))
                {
                    throw new GraphQLError($"Cannot extend type \"{name}\" because it is not defined.", [extensions[0].Name]);
                }
            }

            var directives = _directiveDefinitions.Select(BuildDirective).ToList();
            foreach (var standard in Directives.Specified)
            {
                if (directives.All(d => d.Name != standard.Name))
                {
                    directives.Add(standard);
                }
            }

            ObjectType? query = null, mutation = null, subscription = null;
            var operationTypes = (_schemaDefinition?.OperationTypes ?? []).Concat(_schemaExtensions.SelectMany(e => e.OperationTypes));
            foreach (var operationType in operationTypes)
            {
                var root = RootType(operationType.Operation, GetNamedType(operationType.Type.Name));
                switch (operationType.Operation)
                {
                    case OperationType.Query:
                        query = root;
                        break;
                    case OperationType.Mutation:
                        mutation = root;
                        break;
                    case OperationType.Subscription:
                        subscription = root;
                        break;
                }
            }

            // Without a schema definition, the roots are the types named by convention (spec Section 3.3.1).
            if (_schemaDefinition is null)
            {
                query = _typeMap.GetValueOrDefault("Query") is { } q ? RootType(OperationType.Query, q) : query;
                mutation = _typeMap.GetValueOrDefault("Mutation") is { } m ? RootType(OperationType.Mutation, m) : mutation;
                subscription = _typeMap.GetValueOrDefault("Subscription") is { } s ? RootType(OperationType.Subscription, s) : subscription;
            }

            return new GraphQLSchema(query, mutation, subscription, _typeMap.Values, directives)
            {
                Description = _schemaDefinition?.Description?.Value,
                AstNode = _schemaDefinition,
                ExtensionAstNodes = _schemaExtensions,
            };
        }

        private static ObjectType RootType(OperationType operation, NamedType type)
        {
            if (type is ObjectType objectType)
            {
                return objectType;
            }

            var operationName = operation.ToString();
            throw new GraphQLError(
                operation == OperationType.Query
                    ? $"{operationName} root type must be Object type, it cannot be {type.Name}."
                    : $"{operationName} root type must be Object type if provided, it cannot be {type.Name}.",
                type.AstNode is null ? null : [type.AstNode]);
        }

        private List<TypeExtensionNode> ExtensionsOf(string name) => _extensions.GetValueOrDefault(name) ?? [];

        private NamedType GetNamedType(NameNode name) =>
            StandardTypes.GetValueOrDefault(name.Value)
            ?? _typeMap.GetValueOrDefault(name.Value)
            ?? throw new GraphQLError($"Unknown type: \"{name.Value}\".", [name]);

        private GraphQLType GetWrappedType(TypeNode node) => node switch
        {
            ListTypeNode list => new ListType(GetWrappedType(list.Type)),
            NonNullTypeNode nonNull => new NonNullType(GetWrappedType(nonNull.Type)),
            NamedTypeNode named => GetNamedType(named.Name),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };

        private NamedType BuildType(TypeDefinitionNode definition, List<TypeExtensionNode> extensions)
        {
            var name = definition.Name.Value;
            var description = definition.Description?.Value;
            IReadOnlyList<DirectiveNode> allDirectives = [.. definition.Directives, .. extensions.SelectMany(e => e.Directives)];
            switch (definition)
            {
                case ScalarTypeDefinitionNode:
                    var implementation = _options.ScalarImplementations?.GetValueOrDefault(name);
                    var scalar = new ScalarType(name)
                    {
                        Description = description,
                        SpecifiedByUrl = SpecifiedByUrl(allDirectives),
                        AstNode = definition,
                        ExtensionAstNodes = extensions,
                    };
                    return implementation is null
                        ? scalar
                        : new ScalarType(name)
                        {
                            Description = description,
                            SpecifiedByUrl = scalar.SpecifiedByUrl,
                            AstNode = definition,
                            ExtensionAstNodes = extensions,
                            Serialize = implementation.Serialize,
                            ParseValue = implementation.ParseValue,
                            ParseLiteral = implementation.ParseLiteral,
                            ValueToLiteral = implementation.ValueToLiteral,
                        };

                case ObjectTypeDefinitionNode objectNode:
                    var objectExtensions = extensions.OfType<ObjectTypeExtensionNode>().ToList();
                    return new ObjectType(
                        name,
                        () => BuildFields([objectNode.Fields, .. objectExtensions.Select(e => e.Fields)]),
                        () => BuildInterfaces(name, [objectNode.Interfaces, .. objectExtensions.Select(e => e.Interfaces)]))
                    {
                        Description = description,
                        AstNode = definition,
                        ExtensionAstNodes = extensions,
                    };

                case InterfaceTypeDefinitionNode interfaceNode:
                    var interfaceExtensions = extensions.OfType<InterfaceTypeExtensionNode>().ToList();
                    return new InterfaceType(
                        name,
                        () => BuildFields([interfaceNode.Fields, .. interfaceExtensions.Select(e => e.Fields)]),
                        () => BuildInterfaces(name, [interfaceNode.Interfaces, .. interfaceExtensions.Select(e => e.Interfaces)]))
                    {
                        Description = description,
                        AstNode = definition,
                        ExtensionAstNodes = extensions,
                    };

                case UnionTypeDefinitionNode unionNode:
                    var memberLists = new[] { unionNode.Types }.Concat(extensions.OfType<UnionTypeExtensionNode>().Select(e => e.Types));
                    return new UnionType(name, () => memberLists.SelectMany(l => l).Select(member => GetNamedType(member.Name) switch
                    {
                        ObjectType objectType => objectType,
                        var other => throw new GraphQLError(
                            $"Union type {name} can only include Object types, it cannot include {other.Name}.", [member]),
                    }))
                    {
                        Description = description,
                        AstNode = definition,
                        ExtensionAstNodes = extensions,
                    };

                case EnumTypeDefinitionNode enumNode:
                    var valueNodes = enumNode.Values.Concat(extensions.OfType<EnumTypeExtensionNode>().SelectMany(e => e.Values));
                    return new EnumType(name, valueNodes.Select(v => new EnumValueDefinition(v.Name.Value)
                    {
                        Description = v.Description?.Value,
                        DeprecationReason = Directives.GetDeprecationReason(v.Directives),
                        AstNode = v,
                    }))
                    {
                        Description = description,
                        AstNode = definition,
                        ExtensionAstNodes = extensions,
                    };

                case InputObjectTypeDefinitionNode inputNode:
                    var fieldNodes = inputNode.Fields.Concat(extensions.OfType<InputObjectTypeExtensionNode>().SelectMany(e => e.Fields));
                    return new InputObjectType(name, () => fieldNodes.Select(BuildInputValue))
                    {
                        Description = description,
                        AstNode = definition,
                        ExtensionAstNodes = extensions,
                        IsOneOf = allDirectives.Any(d => d.Name.Value == Directives.OneOf.Name),
                    };

                default:
                    throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "Not a type definition.");
            }
        }

        private IEnumerable<FieldDefinition> BuildFields(IEnumerable<IReadOnlyList<FieldDefinitionNode>> lists) =>
            lists.SelectMany(l => l).Select(field => new FieldDefinition(
                field.Name.Value,
                GetWrappedType(field.Type),
                field.Arguments.Select(BuildInputValue))
            {
                Description = field.Description?.Value,
                DeprecationReason = Directives.GetDeprecationReason(field.Directives),
                AstNode = field,
            });

        private IEnumerable<InterfaceType> BuildInterfaces(string typeName, IEnumerable<IReadOnlyList<NamedTypeNode>> lists) =>
            lists.SelectMany(l => l).Select(node => GetNamedType(node.Name) switch
            {
                InterfaceType iface => iface,
                var other => throw new GraphQLError(
                    $"Type {typeName} must only implement Interface types, it cannot implement {other.Name}.", [node]),
            });

        private InputValueDefinition BuildInputValue(InputValueDefinitionNode node) =>
            new(node.Name.Value, GetWrappedType(node.Type))
            {
                Description = node.Description?.Value,
                DefaultValueLiteral = node.DefaultValue,
                DeprecationReason = Directives.GetDeprecationReason(node.Directives),
                AstNode = node,
            };

        private DirectiveDefinition BuildDirective(DirectiveDefinitionNode node) =>
            new(
                node.Name.Value,
                node.Locations.Select(l => DirectiveLocationNames.TryParse(l.Value, out var location)
                    ? location
                    : throw new GraphQLError($"Unexpected directive location \"{l.Value}\".", [l])),
                node.Arguments.Select(BuildInputValue))
            {
                Description = node.Description?.Value,
                IsRepeatable = node.Repeatable,
                AstNode = node,
            };

        private static string? SpecifiedByUrl(IReadOnlyList<DirectiveNode> directives) =>
            directives
                .Where(d => d.Name.Value == Directives.SpecifiedBy.Name)
                .SelectMany(d => d.Arguments)
                .Where(a => a.Name.Value == "url")
                .Select(a => (a.Value as StringValueNode)?.Value)
                .FirstOrDefault();
    }
}
