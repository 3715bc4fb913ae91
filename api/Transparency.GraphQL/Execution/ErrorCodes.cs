namespace Transparency.GraphQL.Execution;

/// <summary>
/// The extensions.code values the engine sets (the names Apollo Server made common, so clients
/// already know them), and helpers to attach one to an error that has none.
/// </summary>
public static class ErrorCodes
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string BadRequest = "BAD_REQUEST";
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string Timeout = "TIMEOUT";

    /// <summary>An extensions dictionary holding only the code.</summary>
    public static IReadOnlyDictionary<string, object?> With(string code) => new Dictionary<string, object?> { ["code"] = code };

    /// <summary>The error itself when it has a code; otherwise a copy with extensions.code set.</summary>
    public static GraphQLError Ensure(GraphQLError error, string code)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Code is not null)
        {
            return error;
        }

        var extensions = new Dictionary<string, object?>();
        if (error.Extensions is not null)
        {
            foreach (var (key, value) in error.Extensions)
            {
                extensions[key] = value;
            }
        }

        extensions["code"] = code;
        return new GraphQLError(error.Message, error.Nodes, error.DocumentSource, error.Positions, error.Path, error.OriginalError, extensions);
    }
}
