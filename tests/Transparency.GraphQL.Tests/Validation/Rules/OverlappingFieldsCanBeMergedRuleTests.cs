using System.Text;
using Transparency.GraphQL.Validation;
using Transparency.GraphQL.Validation.Rules;

namespace Transparency.GraphQL.Tests.Validation.Rules;

public class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly ValidationRule Rule = new("OverlappingFieldsCanBeMergedRule", c => new OverlappingFieldsCanBeMergedRule(c));

    private const string Suffix = " Use different aliases on the fields to fetch both if this was intentional.";

    [Fact]
    public void Identical_fields_and_aliases_of_the_same_field_merge()
    {
        RuleHarness.ExpectValid(Rule, "fragment f on Dog { name name otherName: name otherName: name doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }");
    }

    [Fact]
    public void Same_alias_on_different_fields_conflicts()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "fragment f on Dog {\n  fido: name\n  fido: nickname\n}",
            new ReportedError("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields." + Suffix, (2, 3), (3, 3)));
    }

    [Fact]
    public void Differing_arguments_conflict_but_argument_and_input_field_order_do_not()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "fragment f on Dog {\n  doesKnowCommand(dogCommand: SIT)\n  doesKnowCommand(dogCommand: HEEL)\n}",
            new ReportedError("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Suffix, (2, 3), (3, 3)));
        RuleHarness.ExpectValid(Rule, "fragment f on Dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) }");
        RuleHarness.ExpectErrors(
            Rule,
            "fragment f on Dog {\n  isAtLocation(x: 0)\n  isAtLocation(x: 0, y: 1)\n}",
            new ReportedError("Fields \"isAtLocation\" conflict because they have differing arguments." + Suffix, (2, 3), (3, 3)));
    }

    [Fact]
    public void Fields_on_different_object_types_may_differ_but_not_in_return_type()
    {
        RuleHarness.ExpectValid(Rule, "{ catOrDog { ... on Cat { x: name } ... on Dog { x: nickname } } }");
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  catOrDog {\n    ... on Cat { x: meowsVolume }\n    ... on Dog { x: barks }\n  }\n}",
            new ReportedError("Fields \"x\" conflict because they return conflicting types \"Int\" and \"Boolean\"." + Suffix, (3, 18), (4, 18)));
    }

    [Fact]
    public void Fields_on_an_interface_and_an_object_are_not_exclusive()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  pet {\n    ... on Pet { x: name }\n    ... on Dog { x: nickname }\n  }\n}",
            new ReportedError("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Suffix, (3, 18), (4, 18)));
    }

    [Fact]
    public void Nested_conflicts_name_every_subfield_and_every_node()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  dog { x: name y: barks }\n  dog { x: nickname y: barkVolume }\n}",
            new ReportedError(
                "Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields"
                + " and subfields \"y\" conflict because \"barks\" and \"barkVolume\" are different fields." + Suffix,
                (2, 3), (2, 9), (2, 17), (3, 3), (3, 9), (3, 21)));
    }

    [Fact]
    public void Conflicts_are_found_through_fragments_and_reported_once()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  dog { ...A ...B }\n}\nfragment A on Dog { x: name }\nfragment B on Dog { x: nickname }",
            new ReportedError("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Suffix, (4, 21), (5, 21)));
    }

    [Fact]
    public void Fields_against_a_fragment_spread_inside_a_spread_fragment()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  dog { x: barks ...A }\n}\nfragment A on Dog { ...B }\nfragment B on Dog { x: nickname }",
            new ReportedError("Fields \"x\" conflict because \"barks\" and \"nickname\" are different fields." + Suffix, (2, 9), (5, 21)));
    }

    [Fact]
    public void Differing_stream_directives_conflict()
    {
        RuleHarness.ExpectErrors(
            Rule,
            "{\n  human { pets @stream(initialCount: 1) { name } pets { name } }\n}",
            new ReportedError("Fields \"pets\" conflict because they have differing stream directives." + Suffix, (2, 11), (2, 50)));
        RuleHarness.ExpectValid(Rule, "{ human { pets @stream(initialCount: 1) { name } pets @stream(initialCount: 1) { name } } }");
    }

    [Fact]
    public void Recursive_fragments_do_not_loop()
    {
        RuleHarness.ExpectValid(Rule, "fragment A on Human { name relatives { ...A } ...B } fragment B on Human { relatives { ...A } ...A }");
    }

    [Fact]
    public async Task Many_fragments_spread_in_many_places_stay_fast()
    {
        // Each level spreads two fragments that both spread the next level: without memoised
        // comparisons this is 2^Depth comparisons of the top-level fields against F{Depth}.
        const int Depth = 60;
        var document = new StringBuilder("{ dog { x: name ...F0 ...Other } }\n");
        document.Append("fragment Other on Dog { y: barks }\n");
        for (var i = 0; i < Depth; i++)
        {
            document.Append($"fragment F{i} on Dog {{ ...G{i} ...H{i} }}\n");
            document.Append($"fragment G{i} on Dog {{ ...F{i + 1} }}\n");
            document.Append($"fragment H{i} on Dog {{ ...F{i + 1} }}\n");
        }

        document.Append($"fragment F{Depth} on Dog {{ x: nickname y: barkVolume }}\n");

        // Far more than the memoised walk needs; without the memo it would run for years.
        var errors = await Task.Run(() => RuleHarness.Validate(Rule, document.ToString())).WaitAsync(TimeSpan.FromSeconds(20));

        // The conflicts deep in the chain are still found, once each.
        Assert.Equal(
            [
                new ReportedError("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Suffix, (1, 9), (Depth * 3 + 3, 23)),
                new ReportedError("Fields \"y\" conflict because \"barkVolume\" and \"barks\" are different fields." + Suffix, (Depth * 3 + 3, 35), (2, 25)),
            ],
            errors);
    }
}
