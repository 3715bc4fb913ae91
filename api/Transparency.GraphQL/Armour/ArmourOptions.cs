using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Armour;

/// <summary>The limits a public endpoint puts on every document it runs.</summary>
public sealed record ArmourOptions
{
    /// <summary>Deepest field nesting allowed; null for none.</summary>
    public int? MaxDepth { get; init; } = 15;

    /// <summary>Most aliases one operation may use; null for none.</summary>
    public int? MaxAliases { get; init; } = 30;

    /// <summary>
    /// Pricing and the cost limit, checked per request with its coerced variables before anything
    /// runs; a client sends request extensions <c>{"cost": true}</c> to get the price back in the
    /// response's extensions.cost. Null for none.
    /// </summary>
    public CostOptions? Cost { get; init; } = new();

    /// <summary>How long an operation may run before it is stopped with a TIMEOUT error; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(10);
}

public static class ArmourExtensions
{
    /// <summary>
    /// Engine options with the armour added: depth and alias rules (cached with each document),
    /// the cost check (per request), and the execution timeout.
    /// </summary>
    public static GraphQLEngineOptions WithArmour(this GraphQLEngineOptions options, ArmourOptions armour)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(armour);
        var rules = new List<ValidationRule>();
        if (armour.MaxDepth is { } depth)
        {
            rules.Add(ArmourRules.MaxDepth(depth));
        }

        if (armour.MaxAliases is { } aliases)
        {
            rules.Add(ArmourRules.MaxAliases(aliases));
        }

        var documentRules = options.ValidationRules.ToList();
        if (rules.Count > 0)
        {
            documentRules.Add(ArmourRules.AsDocumentRule([.. rules]));
        }

        var checks = options.OperationChecks.ToList();
        if (armour.Cost is { } cost)
        {
            checks.Add(CostAnalysis.CreateCheck(cost));
        }

        return options with
        {
            ValidationRules = documentRules,
            OperationChecks = checks,
            Execution = armour.Timeout is { } timeout ? options.Execution with { Timeout = timeout } : options.Execution,
        };
    }
}
