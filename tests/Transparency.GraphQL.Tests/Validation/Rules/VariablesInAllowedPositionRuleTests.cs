using Transparency.GraphQL.Validation;
using Transparency.GraphQL.Validation.Rules;

namespace Transparency.GraphQL.Tests.Validation.Rules;

public class VariablesInAllowedPositionRuleTests
{
    private static readonly ValidationRule Rule = new("VariablesInAllowedPositionRule", c => new VariablesInAllowedPositionRule(c));

    [Theory]
    [InlineData("query ($v: Int!) { complicatedArgs { intArgField(intArg: $v) } }")]
    [InlineData("query ($v: [String!]) { complicatedArgs { stringListArgField(stringListArg: $v) } }")]
    [InlineData("query ($v: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) } }")]
    [InlineData("query ($v: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $v) } }")]
    [InlineData("query ($v: Boolean = false) { dog @include(if: $v) { name } }")]
    [InlineData("query ($v: String!) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $v }) } }")]
    [InlineData("query { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $undefined }) } }")]
    public void Allowed_usages(string query) => RuleHarness.ExpectValid(Rule, query);

    [Fact]
    public void Nullable_variable_in_non_null_position()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "query ($v: Int) {\n  complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) }\n}",
            new ReportedError("Variable \"$v\" of type \"Int\" used in position expecting type \"Int!\".", (1, 8), (2, 55)));
    }

    [Fact]
    public void A_null_default_does_not_make_a_variable_non_null()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "query ($v: Int = null) {\n  complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) }\n}",
            new ReportedError("Variable \"$v\" of type \"Int\" used in position expecting type \"Int!\".", (1, 8), (2, 55)));
    }

    [Fact]
    public void List_items_and_wrong_types_are_checked_through_fragments()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "query ($list: [String], $s: String) {\n  complicatedArgs { ...F }\n}\nfragment F on ComplicatedArgs {\n  stringListNonNullArgField(stringListNonNullArg: $list)\n  booleanArgField(booleanArg: $s)\n}",
            new ReportedError("Variable \"$list\" of type \"[String]\" used in position expecting type \"[String!]\".", (1, 8), (5, 51)),
            new ReportedError("Variable \"$s\" of type \"String\" used in position expecting type \"Boolean\".", (1, 25), (6, 31)));
    }

    [Fact]
    public void OneOf_fields_need_non_null_variables_even_with_a_default()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "query ($s: String = \"x\") {\n  complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) }\n}",
            new ReportedError(
                "Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".",
                (1, 8),
                (2, 60)));
    }
}
