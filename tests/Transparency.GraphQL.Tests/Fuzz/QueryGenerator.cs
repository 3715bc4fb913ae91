using System.Globalization;
using System.Text;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Tests.Fuzz;

/// <summary>
/// Writes random documents that follow a schema, most of the way: real fields with aliases,
/// arguments of the right type and sometimes the wrong one, variables with and without
/// defaults, inline fragments on possible types, named fragments, @skip and @include. Mutated
/// seeds mostly die in the parser or validation; these reach coercion and execution.
/// </summary>
internal sealed class QueryGenerator(GraphQLSchema schema, Random random)
{
    private readonly StringBuilder _fragments = new();
    private readonly List<(string Name, GraphQLType Type)> _variables = [];
    private int _fragmentCount;
    private int _aliasCount;

    public string Generate()
    {
        var (keyword, root) = random.Next(10) switch
        {
            0 when schema.MutationType is not null => ("mutation", schema.MutationType),
            1 when schema.SubscriptionType is not null => ("subscription", schema.SubscriptionType),
            _ => ("query", schema.QueryType!),
        };

        var body = new StringBuilder();
        if (keyword == "subscription")
        {
            // A subscription selects exactly one root field.
            body.Append("{ ");
            Selection(body, root, 0, fieldOnly: true);
            body.Append(" }");
        }
        else
        {
            SelectionSet(body, root, 0);
        }
        var head = new StringBuilder(keyword);
        if (random.Next(3) == 0)
        {
            head.Append(" Op").Append(random.Next(3));
        }

        if (_variables.Count > 0)
        {
            head.Append('(');
            head.AppendJoin(", ", _variables.Select(v => $"${v.Name}: {v.Type}" + (random.Next(4) == 0 ? " = " + Value(v.Type, 0, constant: true) : string.Empty)));
            head.Append(')');
        }

        return head + " " + body + "\n" + _fragments;
    }

    /// <summary>Variable names declared by the last Generate, for the request to fill in.</summary>
    public IReadOnlyList<(string Name, GraphQLType Type)> Variables => _variables;

    private void SelectionSet(StringBuilder text, NamedType type, int depth)
    {
        text.Append("{ ");
        if (depth > 10)
        {
            // Deep enough: end here, validly.
            text.Append("__typename }");
            return;
        }

        var count = 1 + random.Next(depth < 3 ? 4 : 2);
        for (var i = 0; i < count; i++)
        {
            Selection(text, type, depth);
            text.Append(' ');
        }

        text.Append('}');
    }

    private void Selection(StringBuilder text, NamedType type, int depth, bool fieldOnly = false)
    {
        var choice = fieldOnly ? 3 + random.Next(9) : random.Next(12);
        if (choice == 0)
        {
            text.Append("__typename");
            return;
        }

        if (choice <= 2 && PossibleTypes(type) is { Count: > 0 } possible)
        {
            var target = possible[random.Next(possible.Count)];
            if (choice == 1 || _fragmentCount > 5)
            {
                text.Append("... on ").Append(target.Name).Append(' ');
                Directives(text);
                SelectionSet(text, target, depth + 1);
            }
            else
            {
                var name = "Frag" + _fragmentCount++;
                text.Append("...").Append(name);
                var fragment = new StringBuilder();
                SelectionSet(fragment, target, depth + 1);
                _fragments.Append("fragment ").Append(name).Append(" on ").Append(target.Name).Append(' ').Append(fragment).Append('\n');
            }

            return;
        }

        if (type is not FieldsType fieldsType || fieldsType.Fields.Count == 0)
        {
            text.Append("__typename");
            return;
        }

        var field = fieldsType.Fields[random.Next(fieldsType.Fields.Count)];
        if (field.Arguments.Count > 0 || random.Next(4) == 0)
        {
            // Unique, so that fields called differently never have to merge.
            text.Append('a').Append(_aliasCount++).Append(": ");
        }

        text.Append(field.Name);
        var arguments = field.Arguments.Where(a => a.Type is NonNullType && !a.HasDefault || random.Next(3) != 0).ToList();
        if (arguments.Count > 0)
        {
            text.Append('(');
            foreach (var argument in arguments)
            {
                text.Append(argument.Name).Append(": ").Append(Value(argument.Type, 0)).Append(' ');
            }

            text.Append(')');
        }

        Directives(text);
        var named = field.Type.GetNamedType();
        if (named is FieldsType or UnionType)
        {
            text.Append(' ');
            SelectionSet(text, named, depth + 1);
        }
    }

    private void Directives(StringBuilder text)
    {
        if (random.Next(8) != 0)
        {
            return;
        }

        var name = random.Next(2) == 0 ? "include" : "skip";
        text.Append(" @").Append(name).Append("(if: ").Append(random.Next(3) == 0 ? Variable(new NonNullType(Scalars.Boolean)) : random.Next(2) == 0 ? "true" : "false").Append(") ");
    }

    private IReadOnlyList<NamedType>? PossibleTypes(NamedType type) => type switch
    {
        ObjectType => [type],
        InterfaceType or UnionType => schema.GetPossibleTypes(type),
        _ => null,
    };

    // A literal of the type, mostly; sometimes a variable (not in a constant), sometimes anything at all.
    private string Value(GraphQLType type, int depth, bool constant = false)
    {
        if (!constant && random.Next(8) == 0)
        {
            return Variable(type);
        }

        if (random.Next(40) == 0 || depth > 4)
        {
            return RandomLiteral(depth);
        }

        switch (type)
        {
            case NonNullType nonNull:
                return Value(nonNull.OfType, depth, constant);
            case ListType list:
                return random.Next(3) == 0
                    ? Value(list.OfType, depth + 1, constant)
                    : "[" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Value(list.OfType, depth + 1, constant))) + "]";
            case InputObjectType { IsOneOf: true } oneOf when oneOf.Fields.Count > 0:
                var chosen = oneOf.Fields[random.Next(oneOf.Fields.Count)];
                return "{" + chosen.Name + ": " + Value(new NonNullType(chosen.Type), depth + 1, constant) + "}";
            case InputObjectType input:
                var fields = input.Fields
                    .Where(f => f.Type is NonNullType && !f.HasDefault || random.Next(3) != 0)
                    .Select(f => f.Name + ": " + Value(f.Type, depth + 1, constant));
                return "{" + string.Join(", ", fields) + "}";
            case EnumType enumType when enumType.Values.Count > 0:
                return enumType.Values[random.Next(enumType.Values.Count)].Name;
            case ScalarType scalar:
                return scalar.Name switch
                {
                    "Int" => random.Next(-100, 100).ToString(CultureInfo.InvariantCulture),
                    "Float" => (random.NextDouble() * 100).ToString("R", CultureInfo.InvariantCulture),
                    "Boolean" => random.Next(2) == 0 ? "true" : "false",
                    "ID" => random.Next(2) == 0 ? "\"id\"" : "7",
                    _ => "\"text\"",
                };
            default:
                return "null";
        }
    }

    private string Variable(GraphQLType type)
    {
        var name = "v" + _variables.Count;
        _variables.Add((name, type));
        return "$" + name;
    }

    private string RandomLiteral(int depth) => random.Next(depth > 3 ? 7 : 9) switch
    {
        0 => "null",
        1 => random.Next(-5, 5).ToString(CultureInfo.InvariantCulture),
        2 => "2147483648",
        3 => "1.5e300",
        4 => "\"s\\u00e9\"",
        5 => "true",
        6 => "SIT",
        7 => "[" + RandomLiteral(depth + 1) + ", " + RandomLiteral(depth + 1) + "]",
        _ => "{a: " + RandomLiteral(depth + 1) + ", b: " + RandomLiteral(depth + 1) + "}",
    };
}
