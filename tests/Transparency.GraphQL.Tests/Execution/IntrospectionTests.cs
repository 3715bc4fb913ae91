using System.Diagnostics;
using System.Runtime.CompilerServices;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.Execution;

/// <summary>
/// Runs graphql-js 17's full introspection query against a schema that uses every feature it
/// asks about, and checks with graphql-js itself (tests/node/introspection.mjs: buildClientSchema
/// then printSchema) that our answer describes the same schema our own printer prints.
/// Needs Node and tests/node/setup.sh having been run.
/// </summary>
public sealed class IntrospectionTests
{
    private const string RichSchema = """"
        "A schema with every introspectable feature."
        schema {
          query: Query
          mutation: Mutation
          subscription: Subscription
        }

        """
        Marks a field for auditing; may be applied more than once.
        Quotes "like these", a backslash \ and a long line to make the printer choose its block form.
        """
        directive @audit(
          "Who asked for it."
          by: String = "nobody"
          who: String @deprecated(reason: "Use \"by\".")
        ) repeatable on FIELD_DEFINITION | OBJECT

        directive @internal on FIELD | FRAGMENT_SPREAD | VARIABLE_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE

        "An instant, RFC 3339."
        scalar Instant @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")

        "An amount of 人民币 in fen: 1050 is ¥10.50."
        scalar Money

        "Anything with an id."
        interface Node {
          id: ID!
        }

        interface Entity implements Node {
          id: ID!
          "When it was recorded."
          recordedAt(zone: String = "+08:00", legacyZone: Int @deprecated): Instant
          version: Int @deprecated(reason: "Use recordedAt.")
        }

        "An enforcement case."
        type Case implements Entity & Node @audit(by: "court") {
          id: ID!
          recordedAt(zone: String = "+08:00", legacyZone: Int @deprecated): Instant
          version: Int @deprecated(reason: "Use recordedAt.")
          status: Status!
          "Parties, oldest first."
          parties(
            "How many."
            first: Int = 10
            role: Role @deprecated(reason: "Use kind.")
            kind: [Role!] = [APPLICANT]
          ): [Party!]!
          oldStatus: String @deprecated(reason: "Use status.")
          legacy: Int @deprecated
          amount: Money
        }

        type Party implements Node {
          id: ID!
          name: String!
        }

        "What a search finds."
        union SearchResult = Case | Party

        "Where a case stands."
        enum Status {
          "执行中: under enforcement."
          OPEN
          CLOSED
          SUSPENDED @deprecated(reason: "Merged into CLOSED.")
          """
          终结本次执行程序: closed for now,
          no property found.
          """
          TERMINATED_FOR_NOW
        }

        enum Role {
          APPLICANT
          DEBTOR
        }

        "Find by exactly one key."
        input CaseKey @oneOf {
          id: ID
          "（2024）京01执1号"
          number: String
        }

        input CaseFilter {
          status: Status = OPEN
          court: String! = "any"
          since: Instant
          old: String @deprecated(reason: "Ignored.")
          nested: CaseFilter
        }

        input SearchOptions {
          since: Instant = "2024-01-01T00:00:00+08:00"
          pages: [[Int!]] = [[1, 2], [3]]
          ratio: Float = -0.5
          key: CaseKey = {number: "（2024）京01执1号"}
          minimum: Money = 100
        }

        type Query {
          case(key: CaseKey!): Case
          cases(filter: CaseFilter = {status: CLOSED, nested: {court: "x\ny", nested: {}}}, after: String): [Case!]!
          search(text: String!, options: SearchOptions = {ratio: 2, key: {id: 7}}): [SearchResult!]!
          node(id: ID!): Node
          entities: [Entity]
        }

        type Mutation {
          noop(value: Float = 1.5, flag: Boolean = true): Boolean
        }

        type Subscription {
          caseChanged(id: ID!): Case
        }
        """";

    private static readonly GraphQLSchema Schema = BuildAstSchema.BuildSchema(RichSchema);

    [Fact]
    public async Task Graphql_js_rebuilds_from_our_introspection_the_schema_we_print()
    {
        var query = RunNode("query", null);
        var result = await new GraphQLEngine(Schema).ExecuteAsync(new GraphQLRequest(query));
        Assert.Empty(result.Errors);
        Assert.Equal(ExecutionOutcome.Executed, result.Outcome);

        var printedByGraphQLJs = RunNode("print", result.ToJson());
        Assert.Contains("  who: String @deprecated(reason: \"Use \\\"by\\\".\")\n) repeatable on FIELD_DEFINITION | OBJECT", printedByGraphQLJs);
        Assert.Contains("interface Entity implements Node {", printedByGraphQLJs);
        Assert.Contains("scalar Instant @specifiedBy(url: \"https://www.rfc-editor.org/rfc/rfc3339\")", printedByGraphQLJs);
        Assert.Contains("input CaseKey @oneOf {", printedByGraphQLJs);
        Assert.Equal(PrintSchema.Print(Schema), printedByGraphQLJs);
    }

    [Fact]
    public async Task Type_introspection_reports_kinds_defaults_and_deprecations()
    {
        var result = await new GraphQLEngine(Schema).ExecuteAsync(new GraphQLRequest("""
            {
              __type(name: "CaseFilter") {
                kind name isOneOf
                inputFields(includeDeprecated: true) { name defaultValue isDeprecated type { kind ofType { name } } }
              }
              key: __type(name: "CaseKey") { isOneOf }
              missing: __type(name: "Nope") { name }
              __schema { queryType { name } mutationType { name } subscriptionType { name } }
            }
            """));
        Assert.Equal(
            """{"data":{"__type":{"kind":"INPUT_OBJECT","name":"CaseFilter","isOneOf":false,"inputFields":[{"name":"status","defaultValue":"OPEN","isDeprecated":false,"type":{"kind":"ENUM","ofType":null}},{"name":"court","defaultValue":"\"any\"","isDeprecated":false,"type":{"kind":"NON_NULL","ofType":{"name":"String"}}},{"name":"since","defaultValue":null,"isDeprecated":false,"type":{"kind":"SCALAR","ofType":null}},{"name":"old","defaultValue":null,"isDeprecated":true,"type":{"kind":"SCALAR","ofType":null}},{"name":"nested","defaultValue":null,"isDeprecated":false,"type":{"kind":"INPUT_OBJECT","ofType":null}}]},"key":{"isOneOf":true},"missing":null,"__schema":{"queryType":{"name":"Query"},"mutationType":{"name":"Mutation"},"subscriptionType":{"name":"Subscription"}}}}""",
            result.ToJson());
    }

    [Fact]
    public async Task Typename_works_on_every_composite_type_and_schema_only_on_the_query_root()
    {
        var engine = new GraphQLEngine(Schema);
        var ok = await engine.ExecuteAsync(new GraphQLRequest("mutation { __typename }"));
        Assert.Equal("""{"data":{"__typename":"Mutation"}}""", ok.ToJson());
        var refused = await engine.ExecuteAsync(new GraphQLRequest("mutation { __schema { description } }"));
        Assert.Equal(ExecutionOutcome.ValidationError, refused.Outcome);
    }

    private static string RunNode(string mode, string? input, [CallerFilePath] string here = "")
    {
        var nodeDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "node"));
        Assert.True(
            Directory.Exists(Path.Combine(nodeDirectory, "node_modules", "graphql")),
            $"graphql-js is not installed in {nodeDirectory}: run tests/node/setup.sh");
        var start = new ProcessStartInfo("node", ["introspection.mjs", mode])
        {
            WorkingDirectory = nodeDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "node did not finish within a minute");
        Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
