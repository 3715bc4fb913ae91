using Transparency.Projections.Cases;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Cases;

/// <summary>Every rule of the catalogue, broken once: the decider names it and keeps the state it had.</summary>
public sealed class CaseRuleScenarioTests
{
    [Fact]
    public void Every_rule_of_the_catalogue_has_a_scenario() =>
        Assert.Equal(RuleScenarios.Declared.Select(r => r.Code).Order(), RuleScenarios.All.Select(s => s.Rule.Code).Order());

    [Theory]
    [MemberData(nameof(RuleScenarios.Codes), MemberType = typeof(RuleScenarios))]
    public void The_decider_rejects_the_event_naming_the_rule(string code)
    {
        var scenario = RuleScenarios.For(code);
        var state = Accepted(scenario.Setup);

        var decision = CaseDecider.Decide(state, scenario.Rejected, Today);

        Assert.False(decision.IsAccepted, $"{scenario.Rejected.GetType().Name} was accepted; expected {code}");
        Assert.Equal(code, decision.BrokenRule.Code);
        Assert.Same(state, decision.State);
        // The rejection is what a client sees: it carries both messages of the rule.
        Assert.Equal(scenario.Rule, decision.BrokenRule);
    }
}
