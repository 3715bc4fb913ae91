using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Armour;

/// <summary>How operations are priced and how much one may cost.</summary>
public sealed record CostOptions
{
    /// <summary>The most an operation may cost; null computes and reports without a limit.</summary>
    public double? MaxCost { get; init; } = 1000;

    /// <summary>Length assumed for a list field that has no slicing argument and no @listSize assumedSize.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Arguments that slice a list when the field has no @listSize saying otherwise.</summary>
    public IReadOnlyList<string> DefaultSlicingArguments { get; init; } = ["first", "last"];

    /// <summary>
    /// Weights for code-first schemas, which carry no directives: keyed by schema coordinate,
    /// <c>Type.field</c>, <c>Type.field(arg:)</c> or <c>Type</c>. A @cost in the SDL wins.
    /// </summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();

    /// <summary>@listSize for code-first schemas, keyed by <c>Type.field</c>. A @listSize in the SDL wins.</summary>
    public IReadOnlyDictionary<string, ListSizeSpec> ListSizes { get; init; } = new Dictionary<string, ListSizeSpec>();

    /// <summary>
    /// Whether a client may ask for the price: a request whose extensions carry <c>"cost": true</c>
    /// gets <c>extensions.cost = {"requested": n, "maximum": m}</c> in its response.
    /// </summary>
    public bool AllowReport { get; init; } = true;

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> are priced like data. Off by default: what they
    /// return is bounded by the schema, not by the data, and priced as lists a tool's
    /// introspection query (GraphiQL's) would cost more than any real query. MaxDepth still applies.
    /// </summary>
    public bool PriceIntrospection { get; init; }
}

/// <summary>The price of one operation, and why it could not be priced when it could not.</summary>
public sealed record CostReport(double Cost, IReadOnlyList<GraphQLError> Errors);

/// <summary>
/// Prices an operation the way the GraphQL cost directive specification does. A field weighs
/// its @cost, else its type's @cost, else 1 when it returns an object, interface or union and
/// 0 when it returns a scalar or enum; arguments add their @cost when given, input objects the
/// @cost of each input field the request fills in. A list field costs
/// its length times (its weight plus its selections), the length being the largest slicing
/// argument (<c>first</c>/<c>last</c>) as the request actually gives it (a variable counts at the
/// value it carries, a default at its default), else @listSize assumedSize, else
/// <see cref="CostOptions.DefaultListSize"/>. With @listSize sizedFields the field itself counts
/// once and the named children take the length. Inline fragments and fragment spreads are
/// added, not maxed, so the price is an upper bound for abstract types.
/// </summary>
public static class CostAnalysis
{
    public const string CostLimitExceeded = "COST_LIMIT_EXCEEDED";
    public const string SlicingArgumentRequired = "SLICING_ARGUMENT_REQUIRED";

    /// <summary>Fragments nested deeper than this are not priced further (the parser already bounds one definition's depth).</summary>
    private const int MaxNesting = 1024;

    /// <summary>Prices an operation with its coerced variable values.</summary>
    public static CostReport Compute(
        GraphQLSchema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(operation);
        return Compute(schema, document, operation, variables, new PriceList(options ?? new CostOptions()));
    }

    private static CostReport Compute(
        GraphQLSchema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        PriceList prices)
    {
        var root = schema.GetRootType(operation.Operation);
        if (root is null)
        {
            return new CostReport(0, []);
        }

        var pricer = new Pricer(schema, document, variables ?? new Dictionary<string, object?>(), prices);
        var cost = pricer.SelectionSet(operation.SelectionSet, root, null, 0);
        return new CostReport(cost, pricer.Errors);
    }

    /// <summary>The error for an operation over the limit, with the cost and the limit in extensions.</summary>
    public static GraphQLError LimitError(double cost, double maxCost, Node? node = null) => new(
        $"The operation costs {Format(cost)}, more than the maximum cost of {Format(maxCost)}.",
        node is null ? null : [node],
        extensions: new Dictionary<string, object?> { ["code"] = CostLimitExceeded, ["cost"] = cost, ["maxCost"] = maxCost });

    /// <summary>The request extension a client sets to true to get the price back (<c>{"cost": true}</c>).</summary>
    public const string ReportExtension = "cost";

    /// <summary>
    /// An engine operation check enforcing MaxCost with the request's coerced variable values, so
    /// <c>first: $n</c> costs what $n actually carries. When the request's extensions ask for it
    /// (<c>"cost": true</c>) the price goes into the response's extensions.cost, refused or not;
    /// onPriced sees every price (a rate limiter charging a cost budget).
    /// </summary>
    public static OperationCheck CreateCheck(CostOptions options, Action<OperationCheckContext, CostReport>? onPriced = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        // What each field weighs is read from the schema once; an operation without variables
        // always costs the same, so its price is kept with the (cached) document.
        var prices = new PriceList(options);
        var fixedPrices = new ConditionalWeakTable<OperationDefinitionNode, CostReport>();
        return context =>
        {
            CostReport? report;
            if (context.Operation.VariableDefinitions.Count > 0)
            {
                report = Compute(context.Schema, context.Document, context.Operation, context.VariableValues, prices);
            }
            else if (!fixedPrices.TryGetValue(context.Operation, out report))
            {
                report = Compute(context.Schema, context.Document, context.Operation, context.VariableValues, prices);
                fixedPrices.AddOrUpdate(context.Operation, report);
            }

            onPriced?.Invoke(context, report);
            if (options.AllowReport && WantsReport(context.Request))
            {
                context.ResponseExtensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
                context.ResponseExtensions[ReportExtension] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["requested"] = report.Cost,
                    ["maximum"] = options.MaxCost,
                };
            }

            if (report.Errors.Count > 0)
            {
                return report.Errors[0];
            }

            return options.MaxCost is { } max && report.Cost > max ? LimitError(report.Cost, max, context.Operation) : null;
        };
    }

    /// <summary>Whether the request's extensions carry <c>"cost": true</c>.</summary>
    public static bool WantsReport(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Extensions is { } extensions
            && extensions.TryGetValue(ReportExtension, out var value)
            && value is true or JsonElement { ValueKind: JsonValueKind.True };
    }

    /// <summary>
    /// The cost limit as a validation rule (for DocumentValidator.Validate with these rules). It
    /// sees no request, so slicing arguments given by variables count at the values passed here,
    /// else at the variable's default, else as absent; the per-request <see cref="CreateCheck"/>
    /// is the one that sees what a client actually sent.
    /// </summary>
    public static ValidationRule MaxCostRule(CostOptions options, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ValidationRule("MaxCostRule", context => new MaxCostVisitor(context, options, variables));
    }

    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed class MaxCostVisitor(ValidationContext context, CostOptions options, IReadOnlyDictionary<string, object?>? variables) : AstVisitor
    {
        public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var definition in node.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (variables is not null && variables.TryGetValue(name, out var given))
                {
                    values[name] = given;
                }
                else if (definition.DefaultValue is { } fallback)
                {
                    values[name] = Utilities.ValueFromAstUntyped.Convert(fallback);
                }
            }

            var report = Compute(context.Schema, context.Document, node, values, options);
            foreach (var error in report.Errors)
            {
                context.ReportError(error);
            }

            if (options.MaxCost is { } max && report.Cost > max)
            {
                context.ReportError(LimitError(report.Cost, max, node));
            }

            return VisitAction.Skip;
        }
    }

    private sealed class Pricer(GraphQLSchema schema, DocumentNode document, IReadOnlyDictionary<string, object?> variables, PriceList prices)
    {
        private readonly CostOptions options = prices.Options;

        // Built on the first spread: most operations of a public API spread no fragment at all.
        private Dictionary<string, FragmentDefinitionNode>? _fragments;

        // A fragment's price depends only on the type it is spread into: memoized, so a document
        // that spreads fragments into fragments many times over is priced in linear time.
        private readonly Dictionary<(string Fragment, string Type), double> _fragmentCosts = [];
        private readonly HashSet<string> _pricing = new(StringComparer.Ordinal);

        public List<GraphQLError> Errors { get; } = [];

        public double SelectionSet(SelectionSetNode set, NamedType parent, SizedChildren? sized, int nesting)
        {
            if (nesting > MaxNesting)
            {
                return 0;
            }

            double total = 0;
            foreach (var selection in set.Selections)
            {
                if (Excluded(selection.Directives))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        total += Field(field, parent, sized, nesting + 1);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition ? schema.GetType(condition.Name.Value) ?? parent : parent;
                        total += SelectionSet(inline.SelectionSet, inlineType, sized, nesting + 1);
                        break;
                    case FragmentSpreadNode spread:
                        total += Fragment(spread.Name.Value, sized, nesting + 1);
                        break;
                }
            }

            return total;
        }

        private double Fragment(string name, SizedChildren? sized, int nesting)
        {
            _fragments ??= FragmentsOf(document);
            if (!_fragments.TryGetValue(name, out var fragment) || schema.GetType(fragment.TypeCondition.Name.Value) is not { } type)
            {
                return 0;
            }

            if (sized is not null)
            {
                return _pricing.Add(name) ? Release(name, SelectionSet(fragment.SelectionSet, type, sized, nesting)) : 0;
            }

            if (_fragmentCosts.TryGetValue((name, type.Name), out var known))
            {
                return known;
            }

            // A cycle is a validation error reported elsewhere; priced as nothing here.
            if (!_pricing.Add(name))
            {
                return 0;
            }

            var cost = Release(name, SelectionSet(fragment.SelectionSet, type, null, nesting));
            _fragmentCosts[(name, type.Name)] = cost;
            return cost;
        }

        private static Dictionary<string, FragmentDefinitionNode> FragmentsOf(DocumentNode document)
        {
            var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    fragments.TryAdd(fragment.Name.Value, fragment);
                }
            }

            return fragments;
        }

        private double Release(string name, double cost)
        {
            _pricing.Remove(name);
            return cost;
        }

        private double Field(FieldNode field, NamedType parent, SizedChildren? sized, int nesting)
        {
            var name = field.Name.Value;
            var definition = name switch
            {
                "__typename" => null,
                "__schema" when options.PriceIntrospection && ReferenceEquals(parent, schema.QueryType) => Types.Introspection.SchemaMetaField,
                "__type" when options.PriceIntrospection && ReferenceEquals(parent, schema.QueryType) => Types.Introspection.TypeMetaField,
                _ => (parent as FieldsType)?.GetField(name),
            };
            if (definition is null)
            {
                return 0;
            }

            var price = prices.Field(parent, definition);
            var type = price.Type;
            var weight = price.Weight;
            var arguments = price.HasArgumentWeights ? ArgumentsWeight(field, definition, price) : 0;
            var listSize = price.ListSize;

            var isList = price.IsList;
            double? length = sized is not null && sized.Names.Contains(name) ? sized.Length : null;
            if (listSize is { SizedFields.Count: > 0 })
            {
                var size = Length(field, definition, listSize);
                var children = field.SelectionSet is { } own && type.IsCompositeType()
                    ? SelectionSet(own, type, new SizedChildren(listSize.SizedFields, size), nesting)
                    : 0;
                return (length ?? 1) * (weight + children) + arguments;
            }

            var childCost = field.SelectionSet is { } selections && type.IsCompositeType()
                ? SelectionSet(selections, type, null, nesting)
                : 0;
            if (length is null && isList)
            {
                length = Length(field, definition, listSize);
            }

            return (length ?? 1) * (weight + childCost) + arguments;
        }

        // Arguments weigh their @cost when given; input objects add the weights of the input
        // fields the request fills in, however deep (cost directive spec, "input field cost").
        private double ArgumentsWeight(FieldNode field, FieldDefinition definition, FieldPrice price)
        {
            double total = 0;
            foreach (var argument in field.Arguments)
            {
                if (definition.GetArgument(argument.Name.Value) is not { } argumentDefinition)
                {
                    continue;
                }

                if (price.ArgumentWeights?.GetValueOrDefault(argumentDefinition.Name) is { } weight)
                {
                    total += weight;
                }

                total += InputWeight(argumentDefinition.Type, argument.Value, 0);
            }

            return total;
        }

        private double InputWeight(GraphQLType type, ValueNode value, int nesting)
        {
            if (nesting > MaxNesting)
            {
                return 0;
            }

            var nullable = type.GetNullableType();
            switch (value)
            {
                case VariableNode variable:
                    return variables.TryGetValue(variable.Name.Value, out var given) ? CoercedInputWeight(nullable, given, nesting) : 0;
                case ListValueNode list when nullable is ListType listType:
                    double items = 0;
                    foreach (var item in list.Values)
                    {
                        items += InputWeight(listType.OfType, item, nesting + 1);
                    }

                    return items;
                case ObjectValueNode inputObject when nullable is InputObjectType objectType:
                    var weights = prices.InputFields(objectType);
                    double fields = 0;
                    foreach (var member in inputObject.Fields)
                    {
                        if (objectType.GetField(member.Name.Value) is { } fieldDefinition)
                        {
                            fields += weights.GetValueOrDefault(fieldDefinition.Name) + InputWeight(fieldDefinition.Type, member.Value, nesting + 1);
                        }
                    }

                    return fields;
                default:
                    return nullable is ListType itemType ? InputWeight(itemType.OfType, value, nesting + 1) : 0;
            }
        }

        // A variable's value as coerced: input objects are dictionaries (unless a code-first type
        // turned them into records, which carry no per-field presence and are priced as nothing).
        private double CoercedInputWeight(GraphQLType? type, object? value, int nesting)
        {
            if (value is null || nesting > MaxNesting)
            {
                return 0;
            }

            switch (type)
            {
                case ListType listType when value is IEnumerable items and not string:
                    double total = 0;
                    foreach (var item in items)
                    {
                        total += CoercedInputWeight(listType.OfType.GetNullableType(), item, nesting + 1);
                    }

                    return total;
                case ListType listType:
                    return CoercedInputWeight(listType.OfType.GetNullableType(), value, nesting + 1);
                case InputObjectType objectType when value is IReadOnlyDictionary<string, object?> fields:
                    var weights = prices.InputFields(objectType);
                    double sum = 0;
                    foreach (var (name, fieldValue) in fields)
                    {
                        if (objectType.GetField(name) is { } fieldDefinition)
                        {
                            sum += weights.GetValueOrDefault(name) + CoercedInputWeight(fieldDefinition.Type.GetNullableType(), fieldValue, nesting + 1);
                        }
                    }

                    return sum;
                default:
                    return 0;
            }
        }

        // The list's length: the largest slicing argument the request gives, else the assumed size.
        // Defaults count only when the request gives none of the slicing arguments itself, so
        // `last: 5` on a field with `first: Int = 10` is one argument of 5, not two.
        private double Length(FieldNode field, FieldDefinition definition, ListSizeSpec? listSize)
        {
            var slicing = listSize is { SlicingArguments.Count: > 0 } ? listSize.SlicingArguments : options.DefaultSlicingArguments;
            var (given, largest) = Slice(field, definition, slicing, explicitOnly: true);
            if (given == 0)
            {
                (given, largest) = Slice(field, definition, slicing, explicitOnly: false);
            }

            if (listSize is { SlicingArguments.Count: > 0, RequireOneSlicingArgument: true } && given != 1)
            {
                Errors.Add(new GraphQLError(
                    $"Field \"{field.Name.Value}\" takes exactly one of its slicing arguments ({string.Join(", ", listSize.SlicingArguments.Select(s => "\"" + s + "\""))}); {given} given.",
                    [field],
                    extensions: new Dictionary<string, object?> { ["code"] = SlicingArgumentRequired }));
            }

            return Math.Max(0, largest ?? listSize?.AssumedSize ?? options.DefaultListSize);
        }

        private (int Given, double? Largest) Slice(FieldNode field, FieldDefinition definition, IReadOnlyList<string> slicing, bool explicitOnly)
        {
            var given = 0;
            double? largest = null;
            foreach (var argumentName in slicing)
            {
                if (definition.GetArgument(argumentName) is not { } argument)
                {
                    continue;
                }

                var value = explicitOnly ? SlicingValue(field, argument) : DefaultOf(argument);
                if (value is { } number)
                {
                    given++;
                    largest = largest is { } sofar ? Math.Max(sofar, number) : number;
                }
            }

            return (given, largest);
        }

        // The value of a slicing argument the request writes in the field: a literal, or the value
        // the variable carries (the argument's default when the variable was not given); null when
        // the field does not name the argument or its value is not a number (null included).
        private double? SlicingValue(FieldNode field, InputValueDefinition argument)
        {
            ArgumentNode? node = null;
            foreach (var candidate in field.Arguments)
            {
                if (candidate.Name.Value == argument.Name)
                {
                    node = candidate;
                    break;
                }
            }

            return node?.Value switch
            {
                IntValueNode literal => double.TryParse(literal.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
                VariableNode variable => variables.TryGetValue(variable.Name.Value, out var value) ? Number(value) : DefaultOf(argument),
                _ => null,
            };
        }

        private static double? DefaultOf(InputValueDefinition argument) =>
            argument.DefaultValueLiteral is IntValueNode literal
            && double.TryParse(literal.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : argument.HasDefaultValue ? Number(argument.DefaultValue) : null;

        private static double? Number(object? value) => value switch
        {
            int i => i,
            long l => l,
            double d when double.IsFinite(d) => d,
            JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetDouble(out var d) => d,
            _ => null,
        };

        private bool Excluded(IReadOnlyList<DirectiveNode> directives)
        {
            if (directives.Count == 0)
            {
                return false;
            }

            try
            {
                return Values.IsExcluded(directives, variables);
            }
            catch (GraphQLError)
            {
                // A @skip/@include whose variable is not known yet (validation without a request): price it in.
                return false;
            }
        }

    }

    private sealed record SizedChildren(IReadOnlyList<string> Names, double Length);

    /// <summary>What a field weighs, read once from its @cost/@listSize (or the options) and its type.</summary>
    private sealed record FieldPrice(NamedType Type, double Weight, ListSizeSpec? ListSize, bool IsList, IReadOnlyDictionary<string, double>? ArgumentWeights, bool HasArgumentWeights);

    /// <summary>
    /// The schema's prices, read from directives and options the first time a field or input type
    /// is priced and kept for every later request (a schema does not change under an engine).
    /// </summary>
    private sealed class PriceList(CostOptions options)
    {
        private readonly ConcurrentDictionary<FieldDefinition, FieldPrice> _fields = new();
        private readonly ConcurrentDictionary<InputObjectType, IReadOnlyDictionary<string, double>> _inputs = new();

        public CostOptions Options => options;

        public FieldPrice Field(NamedType parent, FieldDefinition definition) =>
            _fields.TryGetValue(definition, out var known)
                ? known
                : _fields.GetOrAdd(definition, static (field, state) => state.List.Read(state.Parent, field), (List: this, Parent: parent));

        public IReadOnlyDictionary<string, double> InputFields(InputObjectType type) =>
            _inputs.TryGetValue(type, out var known)
                ? known
                : _inputs.GetOrAdd(type, static (input, list) => list.ReadInput(input), this);

        private FieldPrice Read(NamedType parent, FieldDefinition definition)
        {
            var type = definition.Type.GetNamedType()!;
            var coordinate = parent.Name + "." + definition.Name;
            var directives = definition.AstNode?.Directives;
            var weight = CostDirectives.ReadCost(directives)
                ?? (options.Weights.TryGetValue(coordinate, out var configured) ? configured : TypeWeight(type));
            var listSize = CostDirectives.ReadListSize(directives) ?? options.ListSizes.GetValueOrDefault(coordinate);

            Dictionary<string, double>? arguments = null;
            var inputArguments = false;
            foreach (var argument in definition.Arguments)
            {
                var argumentWeight = CostDirectives.ReadCost(argument.AstNode?.Directives)
                    ?? (options.Weights.TryGetValue($"{coordinate}({argument.Name}:)", out var given) ? given : null);
                if (argumentWeight is { } known)
                {
                    (arguments ??= new Dictionary<string, double>(StringComparer.Ordinal))[argument.Name] = known;
                }

                inputArguments |= argument.Type.GetNamedType() is InputObjectType;
            }

            return new FieldPrice(type, weight, listSize, definition.Type.GetNullableType() is ListType, arguments, arguments is not null || inputArguments);
        }

        private Dictionary<string, double> ReadInput(InputObjectType type)
        {
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var field in type.Fields)
            {
                var weight = CostDirectives.ReadCost(field.AstNode?.Directives)
                    ?? (options.Weights.TryGetValue(type.Name + "." + field.Name, out var configured) ? configured : null);
                if (weight is { } known)
                {
                    weights[field.Name] = known;
                }
            }

            return weights;
        }

        private double TypeWeight(NamedType type)
        {
            if (CostDirectives.ReadCost(type.AstNode?.Directives) is { } declared)
            {
                return declared;
            }

            if (options.Weights.TryGetValue(type.Name, out var configured))
            {
                return configured;
            }

            return type.IsCompositeType() ? 1 : 0;
        }
    }
}
