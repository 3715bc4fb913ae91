using Transparency.GraphQL.Validation.Rules;

namespace Transparency.GraphQL.Validation;

/// <summary>
/// The rules of the spec's Validation section, in graphql-js's order (chosen there so the
/// clearest error comes first), plus its recommended MaxIntrospectionDepthRule; the SDL rules;
/// and the optional rules graphql-js ships but does not run by default.
/// </summary>
public static class SpecifiedRules
{
    public static readonly ValidationRule ExecutableDefinitions = new(nameof(ExecutableDefinitionsRule), c => new ExecutableDefinitionsRule(c));
    public static readonly ValidationRule UniqueOperationNames = new(nameof(UniqueOperationNamesRule), c => new UniqueOperationNamesRule(c));
    public static readonly ValidationRule LoneAnonymousOperation = new(nameof(LoneAnonymousOperationRule), c => new LoneAnonymousOperationRule(c));
    public static readonly ValidationRule SingleFieldSubscriptions = new(nameof(SingleFieldSubscriptionsRule), c => new SingleFieldSubscriptionsRule(c));
    public static readonly ValidationRule KnownTypeNames = new(nameof(KnownTypeNamesRule), c => new KnownTypeNamesRule(c));
    public static readonly ValidationRule FragmentsOnCompositeTypes = new(nameof(FragmentsOnCompositeTypesRule), c => new FragmentsOnCompositeTypesRule(c));
    public static readonly ValidationRule VariablesAreInputTypes = new(nameof(VariablesAreInputTypesRule), c => new VariablesAreInputTypesRule(c));
    public static readonly ValidationRule ScalarLeafs = new(nameof(ScalarLeafsRule), c => new ScalarLeafsRule(c));
    public static readonly ValidationRule FieldsOnCorrectType = new(nameof(FieldsOnCorrectTypeRule), c => new FieldsOnCorrectTypeRule(c));
    public static readonly ValidationRule UniqueFragmentNames = new(nameof(UniqueFragmentNamesRule), c => new UniqueFragmentNamesRule(c));
    public static readonly ValidationRule KnownFragmentNames = new(nameof(KnownFragmentNamesRule), c => new KnownFragmentNamesRule(c));
    public static readonly ValidationRule NoUnusedFragments = new(nameof(NoUnusedFragmentsRule), c => new NoUnusedFragmentsRule(c));
    public static readonly ValidationRule PossibleFragmentSpreads = new(nameof(PossibleFragmentSpreadsRule), c => new PossibleFragmentSpreadsRule(c));
    public static readonly ValidationRule NoFragmentCycles = new(nameof(NoFragmentCyclesRule), c => new NoFragmentCyclesRule(c));
    public static readonly ValidationRule UniqueVariableNames = new(nameof(UniqueVariableNamesRule), c => new UniqueVariableNamesRule(c));
    public static readonly ValidationRule NoUndefinedVariables = new(nameof(NoUndefinedVariablesRule), c => new NoUndefinedVariablesRule(c));
    public static readonly ValidationRule NoUnusedVariables = new(nameof(NoUnusedVariablesRule), c => new NoUnusedVariablesRule(c));
    public static readonly ValidationRule KnownDirectives = new(nameof(KnownDirectivesRule), c => new KnownDirectivesRule(c));
    public static readonly ValidationRule UniqueDirectivesPerLocation = new(nameof(UniqueDirectivesPerLocationRule), c => new UniqueDirectivesPerLocationRule(c));
    public static readonly ValidationRule KnownArgumentNames = new(nameof(KnownArgumentNamesRule), c => new KnownArgumentNamesRule(c));
    public static readonly ValidationRule UniqueArgumentNames = new(nameof(UniqueArgumentNamesRule), c => new UniqueArgumentNamesRule(c));
    public static readonly ValidationRule ValuesOfCorrectType = new(nameof(ValuesOfCorrectTypeRule), c => new ValuesOfCorrectTypeRule(c));
    public static readonly ValidationRule ProvidedRequiredArguments = new(nameof(ProvidedRequiredArgumentsRule), c => new ProvidedRequiredArgumentsRule(c));
    public static readonly ValidationRule VariablesInAllowedPosition = new(nameof(VariablesInAllowedPositionRule), c => new VariablesInAllowedPositionRule(c));
    public static readonly ValidationRule OverlappingFieldsCanBeMerged = new(nameof(OverlappingFieldsCanBeMergedRule), c => new OverlappingFieldsCanBeMergedRule(c));
    public static readonly ValidationRule UniqueInputFieldNames = new(nameof(UniqueInputFieldNamesRule), c => new UniqueInputFieldNamesRule(c));
    public static readonly ValidationRule MaxIntrospectionDepth = new(nameof(MaxIntrospectionDepthRule), c => new MaxIntrospectionDepthRule(c));

    /// <summary>Optional: reports uses of deprecated fields, arguments, input fields and enum values.</summary>
    public static readonly ValidationRule NoDeprecatedCustom = new(nameof(NoDeprecatedCustomRule), c => new NoDeprecatedCustomRule(c));

    /// <summary>Optional: rejects introspection, for servers that disable it.</summary>
    public static readonly ValidationRule NoSchemaIntrospectionCustom = new(nameof(NoSchemaIntrospectionCustomRule), c => new NoSchemaIntrospectionCustomRule(c));

    public static readonly SdlValidationRule LoneSchemaDefinition = new(nameof(LoneSchemaDefinitionRule), c => new LoneSchemaDefinitionRule(c));
    public static readonly SdlValidationRule UniqueOperationTypes = new(nameof(UniqueOperationTypesRule), c => new UniqueOperationTypesRule(c));
    public static readonly SdlValidationRule UniqueTypeNames = new(nameof(UniqueTypeNamesRule), c => new UniqueTypeNamesRule(c));
    public static readonly SdlValidationRule UniqueEnumValueNames = new(nameof(UniqueEnumValueNamesRule), c => new UniqueEnumValueNamesRule(c));
    public static readonly SdlValidationRule UniqueFieldDefinitionNames = new(nameof(UniqueFieldDefinitionNamesRule), c => new UniqueFieldDefinitionNamesRule(c));
    public static readonly SdlValidationRule UniqueArgumentDefinitionNames = new(nameof(UniqueArgumentDefinitionNamesRule), c => new UniqueArgumentDefinitionNamesRule(c));
    public static readonly SdlValidationRule UniqueDirectiveNames = new(nameof(UniqueDirectiveNamesRule), c => new UniqueDirectiveNamesRule(c));
    public static readonly SdlValidationRule PossibleTypeExtensions = new(nameof(PossibleTypeExtensionsRule), c => new PossibleTypeExtensionsRule(c));

    /// <summary>Every rule of the spec, and MaxIntrospectionDepthRule, in graphql-js's order: what Validate runs by default.</summary>
    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        ExecutableDefinitions,
        UniqueOperationNames,
        LoneAnonymousOperation,
        SingleFieldSubscriptions,
        KnownTypeNames,
        FragmentsOnCompositeTypes,
        VariablesAreInputTypes,
        ScalarLeafs,
        FieldsOnCorrectType,
        UniqueFragmentNames,
        KnownFragmentNames,
        NoUnusedFragments,
        PossibleFragmentSpreads,
        NoFragmentCycles,
        UniqueVariableNames,
        NoUndefinedVariables,
        NoUnusedVariables,
        KnownDirectives,
        UniqueDirectivesPerLocation,
        KnownArgumentNames,
        UniqueArgumentNames,
        ValuesOfCorrectType,
        ProvidedRequiredArguments,
        VariablesInAllowedPosition,
        OverlappingFieldsCanBeMerged,
        UniqueInputFieldNames,
        MaxIntrospectionDepth,
    ];

    /// <summary>The rules for type system documents, in graphql-js's order: what ValidateSdl runs.</summary>
    public static IReadOnlyList<SdlValidationRule> Sdl { get; } =
    [
        LoneSchemaDefinition,
        UniqueOperationTypes,
        UniqueTypeNames,
        UniqueEnumValueNames,
        UniqueFieldDefinitionNames,
        UniqueArgumentDefinitionNames,
        UniqueDirectiveNames,
        new(nameof(KnownTypeNamesRule), c => new KnownTypeNamesRule(c)),
        new(nameof(KnownDirectivesRule), c => new KnownDirectivesRule(c)),
        new(nameof(UniqueDirectivesPerLocationRule), c => new UniqueDirectivesPerLocationRule(c)),
        PossibleTypeExtensions,
        new(nameof(KnownArgumentNamesOnDirectivesRule), c => new KnownArgumentNamesOnDirectivesRule(c)),
        new(nameof(UniqueArgumentNamesRule), c => new UniqueArgumentNamesRule(c)),
        new(nameof(UniqueInputFieldNamesRule), c => new UniqueInputFieldNamesRule(c)),
        new(nameof(ProvidedRequiredArgumentsOnDirectivesRule), c => new ProvidedRequiredArgumentsOnDirectivesRule(c)),
    ];

    /// <summary>Every executable rule by its graphql-js name, the optional ones included.</summary>
    public static IReadOnlyDictionary<string, ValidationRule> ByName { get; } =
        All.Append(NoDeprecatedCustom).Append(NoSchemaIntrospectionCustom).ToDictionary(r => r.Name, StringComparer.Ordinal);
}
