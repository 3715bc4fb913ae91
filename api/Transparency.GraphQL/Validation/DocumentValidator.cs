using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation;

/// <summary>
/// Validates documents (spec Section 5; graphql-js's validate and validateSDL). All rules run
/// in one walk of the document, each as its own visitor, with the type information kept once
/// for all of them.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The message graphql-js ends with when a document has more errors than maxErrors.</summary>
    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    /// <summary>
    /// The errors of an executable document against a valid schema; empty when the document is
    /// valid. After maxErrors errors, one more error says validation was aborted, and it stops.
    /// </summary>
    public static IReadOnlyList<GraphQLError> Validate(
        GraphQLSchema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRule>? rules = null,
        int maxErrors = 100)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        schema.AssertValid();
        rules ??= SpecifiedRules.All;

        var errors = new List<GraphQLError>();
        var context = new ValidationContext(schema, document, error =>
        {
            if (errors.Count >= maxErrors)
            {
                errors.Add(new GraphQLError(TooManyErrorsMessage));
                throw new ValidationAbortedException();
            }

            errors.Add(error);
        });

        var visitors = new AstVisitor[rules.Count];
        for (var i = 0; i < visitors.Length; i++)
        {
            visitors[i] = rules[i].Create(context);
        }

        try
        {
            AstWalker.Walk(document, new ParallelVisitor(visitors), context.TypeInfoHook);
        }
        catch (ValidationAbortedException)
        {
            // The error limit was reached; errors already ends with the message saying so.
        }

        return errors;
    }

    /// <summary>
    /// The errors of a type system document (graphql-js's validateSDL), optionally as an
    /// extension of an existing schema. Schema builders call this before building.
    /// </summary>
    public static IReadOnlyList<GraphQLError> ValidateSdl(
        DocumentNode document,
        GraphQLSchema? schemaToExtend = null,
        IReadOnlyList<SdlValidationRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        rules ??= SpecifiedRules.Sdl;
        var errors = new List<GraphQLError>();
        var context = new SdlValidationContext(document, schemaToExtend, errors.Add);
        var visitors = new AstVisitor[rules.Count];
        for (var i = 0; i < visitors.Length; i++)
        {
            visitors[i] = rules[i].Create(context);
        }

        AstWalker.Walk(document, new ParallelVisitor(visitors));
        return errors;
    }

    /// <summary>Throws a GraphQLError joining every message when the SDL is invalid (graphql-js's assertValidSDL).</summary>
    public static void AssertValidSdl(DocumentNode document, GraphQLSchema? schemaToExtend = null)
    {
        var errors = ValidateSdl(document, schemaToExtend);
        if (errors.Count > 0)
        {
            throw new GraphQLError(string.Join("\n\n", errors.Select(e => e.Message)));
        }
    }

    // Unwinds the walk once the error limit is reached; never leaves Validate.
    private sealed class ValidationAbortedException : Exception
    {
    }
}
