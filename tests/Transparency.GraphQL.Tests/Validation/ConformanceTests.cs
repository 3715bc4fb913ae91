using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;
using Transparency.GraphQL.Validation;
using YamlDotNet.RepresentationModel;

namespace Transparency.GraphQL.Tests.Validation;

/// <summary>
/// graphql-js's own rule tests, as exported to YAML (../shared/conformance/graphql-validation,
/// see its README): each case builds its schema from SDL, parses its query, runs only its rule,
/// and must report the same set of (message, locations) as graphql-js. Cases we deliberately
/// answer differently are listed, with the reason, in deviations.yml next to this file.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly Lazy<Corpus> Loaded = new(Corpus.Load);

    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var id in Loaded.Value.Cases.Keys.Where(id => !Loaded.Value.Deviations.ContainsKey(id)))
            {
                data.Add(id);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reports_what_graphql_js_reports(string id)
    {
        var testCase = Loaded.Value.Cases[id];

        var actual = Run(testCase);

        Assert.Equal(Canonical(testCase.Errors), Canonical(actual));
    }

    // A deviation must name a real case, say why, still differ from the corpus (once the case
    // passes, it goes), and match what graphql-js itself reports for the case as written.
    [Fact]
    public void Every_deviation_still_differs_and_matches_graphql_js()
    {
        foreach (var (id, deviation) in Loaded.Value.Deviations)
        {
            Assert.True(Loaded.Value.Cases.TryGetValue(id, out var testCase), $"No corpus case {id}.");
            Assert.False(string.IsNullOrWhiteSpace(deviation.Reason), $"Deviation {id} gives no reason.");

            var actual = Canonical(Run(testCase));

            Assert.False(Canonical(testCase.Errors).SequenceEqual(actual), $"{id} passes now; remove its deviation.");
            Assert.Equal(Canonical(deviation.GraphQLJsErrors), actual);
        }
    }

    [Fact]
    public void Corpus_is_found_and_complete()
    {
        // 432 cases per the corpus README; a missing file would silently shrink the suite.
        Assert.Equal(432, Loaded.Value.Cases.Count);
    }

    // graphql-js tests that build their schema in code, with scalars SDL cannot express: the
    // corpus gives the SDL, and the scalar's behaviour is supplied here.
    private static readonly Dictionary<string, BuildSchemaOptions> SchemaOptions = new(StringComparer.Ordinal)
    {
        // Its coerceInputLiteral returns undefined: every literal is invalid.
        ["ValuesOfCorrectTypeRule/Invalid input object value/reports error for custom scalar that returns undefined"] = new()
        {
            ScalarImplementations = new Dictionary<string, ScalarType>
            {
                ["CustomScalar"] = new("CustomScalar") { ParseLiteral = _ => ValueFromAst.Invalid, ParseValue = _ => ValueFromAst.Invalid },
            },
        },
    };

    private static List<ExpectedError> Run(CorpusCase testCase)
    {
        var rule = SpecifiedRules.ByName[testCase.Rule];
        var schema = SchemaOptions.TryGetValue(testCase.Rule + "/" + testCase.Name, out var options)
            ? BuildAstSchema.BuildSchema(Loaded.Value.SchemaSdl(testCase.Schema), options)
            : Loaded.Value.Schema(testCase.Schema);
        var document = Parser.Parse(testCase.Query);
        return [.. DocumentValidator.Validate(schema, document, [rule]).Select(e =>
            new ExpectedError(e.Message, [.. (e.Locations ?? []).Select(l => (l.Line, l.Column))]))];
    }

    private static List<string> Canonical(IEnumerable<ExpectedError> errors) =>
        [.. errors.Select(e => e.Message + " @ " + string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).Order(StringComparer.Ordinal)];

    private sealed record ExpectedError(string Message, IReadOnlyList<(int Line, int Column)> Locations);

    private sealed record Deviation(string Reason, IReadOnlyList<ExpectedError> GraphQLJsErrors);

    private sealed record CorpusCase(string Rule, string Name, string Schema, string Query, IReadOnlyList<ExpectedError> Errors);

    private sealed class Corpus
    {
        private readonly List<string> _schemaSdl;
        private readonly Dictionary<string, GraphQLSchema> _schemas = new(StringComparer.Ordinal);

        private Corpus(List<string> schemaSdl, Dictionary<string, CorpusCase> cases, Dictionary<string, Deviation> deviations)
        {
            _schemaSdl = schemaSdl;
            Cases = cases;
            Deviations = deviations;
        }

        /// <summary>By id "RuleName/case name".</summary>
        public Dictionary<string, CorpusCase> Cases { get; }

        /// <summary>Case id to why the corpus's expectation is not graphql-js's, and graphql-js's.</summary>
        public Dictionary<string, Deviation> Deviations { get; }

        /// <summary>A case's schema: an index into schemas.yml, or the SDL itself.</summary>
        public GraphQLSchema Schema(string reference)
        {
            lock (_schemas)
            {
                if (!_schemas.TryGetValue(reference, out var schema))
                {
                    schema = BuildAstSchema.BuildSchema(SchemaSdl(reference));
                    _schemas[reference] = schema;
                }

                return schema;
            }
        }

        public string SchemaSdl(string reference) =>
            int.TryParse(reference, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? _schemaSdl[index]
                : reference;

        public static Corpus Load()
        {
            var root = FindRepositoryRoot();
            var corpusDirectory = ConformanceCorpus.SpecDirectory;
            var schemaList = ReadYaml(Path.Combine(corpusDirectory, "schemas.yml")) as YamlSequenceNode
                ?? throw new InvalidDataException("schemas.yml is not a list.");
            var schemas = schemaList.Children.Select(n => ((YamlScalarNode)n).Value ?? string.Empty)
                .ToList();

            var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(corpusDirectory, "*.spec.yml").Order(StringComparer.Ordinal))
            {
                if (ReadYaml(file) is not YamlSequenceNode sequence)
                {
                    continue;
                }

                foreach (var item in sequence.Children.Cast<YamlMappingNode>())
                {
                    var rule = Scalar(item, "rule");
                    rule = rule.EndsWith("Rule", StringComparison.Ordinal) ? rule : rule + "Rule";
                    var name = Scalar(item, "name");
                    var id = rule + "/" + name;
                    for (var n = 2; cases.ContainsKey(id); n++)
                    {
                        id = $"{rule}/{name} ({n})";
                    }

                    cases[id] = new CorpusCase(
                        rule,
                        name,
                        Scalar(item, "schema"),
                        Scalar(item, "query"),
                        ReadErrors(item, "errors"));
                }
            }

            var deviations = new Dictionary<string, Deviation>(StringComparer.Ordinal);
            var deviationsFile = Path.Combine(root, "tests", "Transparency.GraphQL.Tests", "Validation", "deviations.yml");
            if (File.Exists(deviationsFile) && ReadYaml(deviationsFile) is YamlSequenceNode listed)
            {
                foreach (var item in listed.Children.Cast<YamlMappingNode>())
                {
                    // What graphql-js reports must be given, even when it is nothing ([]).
                    if (!item.Children.ContainsKey(new YamlScalarNode("graphql-js")))
                    {
                        throw new InvalidDataException($"Deviation {Scalar(item, "case")} does not say what graphql-js reports.");
                    }

                    deviations[Scalar(item, "case")] = new Deviation(Scalar(item, "reason"), ReadErrors(item, "graphql-js"));
                }
            }

            return new Corpus(schemas, cases, deviations);
        }

        private static List<ExpectedError> ReadErrors(YamlMappingNode item, string key)
        {
            var errors = new List<ExpectedError>();
            if (!item.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode sequence)
            {
                return errors;
            }

            foreach (var error in sequence.Children.Cast<YamlMappingNode>())
            {
                var locations = new List<(int, int)>();
                if (error.Children.TryGetValue(new YamlScalarNode("locations"), out var locationsNode) && locationsNode is YamlSequenceNode list)
                {
                    foreach (var location in list.Children.Cast<YamlMappingNode>())
                    {
                        locations.Add((
                            int.Parse(Scalar(location, "line"), System.Globalization.CultureInfo.InvariantCulture),
                            int.Parse(Scalar(location, "column"), System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }

                errors.Add(new ExpectedError(Scalar(error, "message"), locations));
            }

            return errors;
        }

        private static string Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
                ? scalar.Value ?? string.Empty
                : string.Empty;

        private static YamlNode? ReadYaml(string path)
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }

        // From the test binaries, or (when built with --artifacts-path outside the repository)
        // from where this source file was compiled.
        private static string FindRepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
            {
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "Transparency.sln")))
                    {
                        return directory.FullName;
                    }
                }
            }

            throw new DirectoryNotFoundException("Transparency.sln not found above " + AppContext.BaseDirectory + " or " + sourceFile);
        }
    }
}
