using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation;

/// <summary>
/// An executable-document rule: a name (graphql-js's, e.g. "NoUnusedFragmentsRule") and a
/// factory making a fresh visitor per validation. Each rule lives in Rules/&lt;Name&gt;.cs as an
/// AstVisitor taking the context; the validator walks the document once with all of them.
/// </summary>
public sealed record ValidationRule(string Name, Func<ValidationContext, AstVisitor> Create)
{
    public override string ToString() => Name;
}

/// <summary>A rule over type system definitions (graphql-js's SDLValidationRule).</summary>
public sealed record SdlValidationRule(string Name, Func<SdlValidationContext, AstVisitor> Create)
{
    public override string ToString() => Name;
}
