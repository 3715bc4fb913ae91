using Transparency.GraphQL.Validation;
using Transparency.GraphQL.Validation.Rules;

namespace Transparency.GraphQL.Tests.Validation.Rules;

public class PossibleFragmentSpreadsRuleTests
{
    private static readonly ValidationRule Rule = new("PossibleFragmentSpreadsRule", c => new PossibleFragmentSpreadsRule(c));

    [Theory]
    [InlineData("fragment a on Dog { ...b } fragment b on Dog { name }")]
    [InlineData("fragment a on Pet { ...b } fragment b on Dog { name }")]
    [InlineData("fragment a on CatOrDog { ... on Pet { name } }")]
    [InlineData("fragment a on Mammal { ... on Canine { name } }")]
    [InlineData("fragment a on Dog { ...unknown ... on Unknown { name } }")]
    public void Possible_spreads(string document) => RuleHarness.ExpectValid(Rule, document);

    [Fact]
    public void Object_into_a_different_object()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "fragment invalid on Cat { ...dogFragment }\nfragment dogFragment on Dog { barks }",
            new ReportedError("Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 27)));
    }

    [Fact]
    public void Inline_fragment_on_an_unrelated_type()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "fragment invalid on Pet { ... on Human { name } }",
            new ReportedError("Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"Human\".", (1, 27)));
    }

    [Fact]
    public void Union_into_a_type_outside_it()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "fragment invalid on Human { ...catOrDog }\nfragment catOrDog on CatOrDog { __typename }",
            new ReportedError("Fragment \"catOrDog\" cannot be spread here as objects of type \"Human\" can never be of type \"CatOrDog\".", (1, 29)));
    }
}
