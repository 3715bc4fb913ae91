using Transparency.GraphQL.Validation;
using Transparency.GraphQL.Validation.Rules;

namespace Transparency.GraphQL.Tests.Validation.Rules;

public class ProvidedRequiredArgumentsRuleTests
{
    private static readonly ValidationRule Rule = new("ProvidedRequiredArgumentsRule", c => new ProvidedRequiredArgumentsRule(c));

    private static readonly SdlValidationRule SdlRule =
        new("ProvidedRequiredArgumentsOnDirectivesRule", c => new ProvidedRequiredArgumentsOnDirectivesRule(c));

    [Theory]
    [InlineData("{ complicatedArgs { multipleReqs(req2: 2, req1: 1) } }")]
    [InlineData("{ complicatedArgs { nonNullFieldWithDefault multipleOpts } }")]
    [InlineData("{ dog { unknownField(x: 1) isHouseTrained } }")]
    [InlineData("{ dog @include(if: true) { name @skip(if: false) } }")]
    [InlineData("{ dog @unknown { name } }")]
    public void Provided_or_not_required(string query) => RuleHarness.ExpectValid(Rule, query);

    [Fact]
    public void Missing_field_arguments()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  complicatedArgs {\n    multipleReqs(req2: 2)\n    nonNullIntArgField\n  }\n}",
            new ReportedError("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (3, 5)),
            new ReportedError("Field \"nonNullIntArgField\" argument \"nonNullIntArg\" of type \"Int!\" is required, but it was not provided.", (4, 5)));
    }

    [Fact]
    public void Missing_directive_arguments()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  dog @include {\n    name @skip\n  }\n}",
            new ReportedError("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (2, 7)),
            new ReportedError("Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (3, 10)));
    }

    [Fact]
    public void Sdl_directives_defined_in_the_document()
    {
        var errors = RuleHarness.ValidateSdl(
            SdlRule,
            "directive @test(arg1: String!, arg2: [Int]! = [], arg3: Int) on OBJECT\ntype Query @test(arg3: 1) @include {\n  f: String\n}");
        Assert.Equal(
            [
                new ReportedError("Directive \"@test\" argument \"arg1\" of type \"String!\" is required, but it was not provided.", (2, 12)),
                new ReportedError("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (2, 27)),
            ],
            errors);
    }
}
