using Transparency.GraphQL.Validation;
using Transparency.GraphQL.Validation.Rules;

namespace Transparency.GraphQL.Tests.Validation.Rules;

public class ValuesOfCorrectTypeRuleTests
{
    private static readonly ValidationRule Rule = new("ValuesOfCorrectTypeRule", c => new ValuesOfCorrectTypeRule(c));

    [Theory]
    [InlineData("intArgField(intArg: 2)")]
    [InlineData("stringListArgField(stringListArg: [\"one\", null, \"two\"])")]
    [InlineData("stringListArgField(stringListArg: \"one\")")]
    [InlineData("enumArgField(enumArg: BROWN)")]
    [InlineData("complexArgField(complexArg: { requiredField: true, stringListField: [\"a\"] })")]
    [InlineData("oneOfArgField(oneOfArg: { intField: 1 })")]
    [InlineData("pickyArgField(arg: \"yes\")")]
    public void Valid_literals(string field) =>
        RuleHarness.ExpectValid(Rule, "{ complicatedArgs { " + field + " } }");

    [Fact]
    public void A_scalar_reports_its_own_error()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{ complicatedArgs {\n  stringArgField(stringArg: 1)\n  intArgField(intArg: 3.5)\n} }",
            new ReportedError("String cannot represent a non string value: 1", (2, 29)),
            new ReportedError("Int cannot represent non-integer value: 3.5", (3, 23)));
    }

    [Fact]
    public void An_unknown_enum_value_suggests_the_near_one()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{ complicatedArgs {\n  enumArgField(enumArg: BRWN)\n} }",
            new ReportedError("Value \"BRWN\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"?", (2, 25)));
    }

    [Fact]
    public void Null_for_a_non_null_position()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{ complicatedArgs {\n  nonNullIntArgField(nonNullIntArg: null)\n} }",
            new ReportedError("Expected value of type \"Int!\", found null.", (2, 37)));
    }

    [Fact]
    public void Input_objects_need_required_fields_and_known_fields()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{ complicatedArgs {\n  complexArgField(complexArg: { intFeld: 4 })\n} }",
            new ReportedError("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", (2, 31)),
            new ReportedError("Field \"intFeld\" is not defined by type \"ComplexInput\". Did you mean \"intField\"?", (2, 33)));
    }

    [Fact]
    public void A_list_or_object_where_a_scalar_is_expected()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{ complicatedArgs {\n  intArgField(intArg: [1])\n  complexArgField(complexArg: \"x\")\n} }",
            new ReportedError("Int cannot represent non-integer value: [1]", (2, 23)),
            new ReportedError("Expected value of type \"ComplexInput\", found \"x\".", (3, 31)));
    }

    [Fact]
    public void OneOf_needs_exactly_one_non_null_key()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{ complicatedArgs {\n  a: oneOfArgField(oneOfArg: { stringField: \"a\", intField: 1 })\n  b: oneOfArgField(oneOfArg: { intField: null })\n  c: oneOfArgField(oneOfArg: {})\n} }",
            new ReportedError("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (2, 30)),
            new ReportedError("Field \"OneOfInput.intField\" must be non-null.", (3, 30)),
            new ReportedError("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (4, 30)));
    }

    [Fact]
    public void A_nullable_variable_in_oneOf_is_left_to_VariablesInAllowedPosition()
    {
        RuleHarness.ExpectValid(Rule, "query ($s: String) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }");
    }

    [Fact]
    public void Custom_scalars_reject_by_returning_invalid_or_by_throwing()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{ complicatedArgs {\n  invalidArgField(arg: 123)\n  pickyArgField(arg: 4)\n} }",
            new ReportedError("Expected value of type \"Invalid\", found 123.", (2, 24)),
            new ReportedError("Expected value of type \"Picky\", found 4; Picky wants a string.", (3, 22)));
    }

    [Fact]
    public void Variable_defaults_are_checked_but_descriptions_are_not()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "query (\n  \"a description, not an Int\"\n  $a: Int = \"one\"\n  $b: [String] = [\"one\", 2]\n  $c: ComplexInput = { requiredField: null }\n) { dog { name } }",
            new ReportedError("Int cannot represent non-integer value: \"one\"", (3, 13)),
            new ReportedError("String cannot represent a non string value: 2", (4, 26)),
            new ReportedError("Expected value of type \"Boolean!\", found null.", (5, 39)));
    }

    [Fact]
    public void Directive_arguments_are_checked()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  dog @include(if: \"yes\") { name }\n}",
            new ReportedError("Boolean cannot represent a non boolean value: \"yes\"", (2, 20)));
    }
}
