using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Transparency.GraphQL.Tests.Fuzz;

/// <summary>
/// Whatever text and variables arrive, the engine answers: errors, or data, or both, and never
/// an exception. Documents are the validation corpus's queries and the kitchen sink, damaged by
/// <see cref="DocumentMutator"/>, and schema-following ones from <see cref="QueryGenerator"/>;
/// each runs through parse, validation, variable coercion and execution against the schema of
/// its seed, resolved with made-up data (<see cref="FakeObject"/>). Every document is rebuilt
/// from the seed and its number, which the failure message gives.
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_123;
    private const int DocumentCount = 100_000;
    private const int BodyCount = 10_000;

    [Fact]
    public void Engine_answers_every_damaged_document_with_errors_or_data()
    {
        var corpus = FuzzCorpus.Load();
        var failures = new ConcurrentBag<(int Index, string Report)>();
        var slowest = new ConcurrentBag<(double Milliseconds, int Index, int Length)>();
        var outcomes = new ConcurrentDictionary<ExecutionOutcome, int>();
        var clock = Stopwatch.StartNew();
        var processorTime = Process.GetCurrentProcess().TotalProcessorTime;

        Parallel.For(0, DocumentCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var started = Stopwatch.GetTimestamp();
            var (seed, request) = MakeRequest(corpus, index);
            var (problem, outcome) = Check(seed.Engine, request);
            outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
            if (problem is not null)
            {
                failures.Add((index, $"document #{index} (fuzz seed {Seed}, from {seed.Origin}): {problem}\n--- query ---\n{request.Query}\n--- variables ---\n{Describe(request.Variables)}"));
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (elapsed > 20)
            {
                slowest.Add((elapsed, index, request.Query!.Length));
            }
        });

        // The slowest documents point at performance cliffs (rebuild one from its number).
        var processorSeconds = (Process.GetCurrentProcess().TotalProcessorTime - processorTime).TotalSeconds;
        output.WriteLine($"{DocumentCount} documents in {clock.Elapsed.TotalSeconds:F1} s ({processorSeconds:F1} s of processor time), fuzz seed {Seed}.");
        output.WriteLine("Outcomes: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")) + "; slowest:");
        foreach (var (milliseconds, index, length) in slowest.OrderByDescending(s => s.Milliseconds).Take(10))
        {
            var query = MakeRequest(corpus, index).Request.Query!;
            output.WriteLine($"  #{index}: {milliseconds:F0} ms, {length} characters: {query[..Math.Min(query.Length, 300)].ReplaceLineEndings(" ")}");
        }

        var first = failures.OrderBy(f => f.Index).Take(3).Select(f => f.Report);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {DocumentCount} documents broke the engine (fuzz seed {Seed}); the first:\n\n" + string.Join("\n\n", first));
    }

    // What arrives over HTTP is JSON: a body either becomes a request, which the engine then
    // answers, or is refused with GraphQLRequestException (the HTTP layer's 400); nothing else.
    [Fact]
    public void Request_bodies_become_requests_or_are_refused()
    {
        var corpus = FuzzCorpus.Load();
        var engine = corpus.Seeds[0].Engine;
        var failures = new ConcurrentBag<(int Index, string Report)>();
        var answered = 0;

        Parallel.For(0, BodyCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var random = new Random(unchecked((Seed * 7919) + index));
            var body = RandomBody(random, corpus);
            GraphQLRequest request;
            try
            {
                using var json = JsonDocument.Parse(body);
                request = GraphQLRequest.FromJson(json.RootElement.Clone());
            }
            catch (Exception exception) when (exception is JsonException or GraphQLRequestException)
            {
                return;
            }
            catch (Exception exception)
            {
                failures.Add((index, $"body #{index} (fuzz seed {Seed}): reading threw {exception}\n{body}"));
                return;
            }

            if (request.Query is null)
            {
                return;
            }

            Interlocked.Increment(ref answered);
            if (Check(engine, request).Problem is { } problem)
            {
                failures.Add((index, $"body #{index} (fuzz seed {Seed}): {problem}\n{body}"));
            }
        });

        var first = failures.OrderBy(f => f.Index).Take(3).Select(f => f.Report);
        output.WriteLine($"{BodyCount} bodies, {answered} of them requests the engine answered.");
        Assert.InRange(answered, BodyCount / 4, BodyCount);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {BodyCount} bodies broke the engine (fuzz seed {Seed}); the first:\n\n" + string.Join("\n\n", first));
    }

    private static string RandomBody(Random random, FuzzCorpus corpus)
    {
        var members = new List<string>();
        for (var i = random.Next(4); i >= 0; i--)
        {
            var name = random.Next(6) switch
            {
                0 => "query",
                1 => "operationName",
                2 => "variables",
                3 => "extensions",
                4 => "\\ud800",
                _ => "query",
            };
            // The right JSON type for the member, mostly; anything, sometimes.
            var value = random.Next(4) == 0 ? JsonSnippets[random.Next(JsonSnippets.Length)] : name switch
            {
                "query" => random.Next(3) == 0
                    ? "\"" + (random.Next(2) == 0 ? "{ dog { name } }\\ud800" : "query Q($v: Int) { __typename }") + "\""
                    : JsonSerializer.Serialize(corpus.Queries[random.Next(corpus.Queries.Count)]),
                "operationName" => random.Next(2) == 0 ? "null" : "\"Q\"",
                _ => "{\"v\": " + JsonSnippets[random.Next(JsonSnippets.Length)] + ", \"\\udc00\": 1}",
            };
            members.Add($"\"{name}\": {value}");
        }

        return random.Next(20) == 0 ? "[" + string.Join(", ", members.Select(m => "{" + m + "}")) + "]" : "{" + string.Join(", ", members) + "}";
    }

    // FUZZ_DOCUMENT=n rebuilds document n alone and shows it, with its answer and timings.
    [Fact]
    public void A_document_is_rebuilt_identically_from_its_number()
    {
        var wanted = Environment.GetEnvironmentVariable("FUZZ_DOCUMENT");
        var index = int.TryParse(wanted, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var corpus = FuzzCorpus.Load();
        var (seed, request) = MakeRequest(corpus, index);
        var again = MakeRequest(corpus, index).Request;
        Assert.Equal(request.Query, again.Query);

        var clock = Stopwatch.StartNew();
        var prepared = seed.Engine.Prepare(request.Query!);
        var prepareTime = clock.Elapsed;
        var (problem, _) = Check(seed.Engine, request);
        output.WriteLine($"document #{index} from {seed.Origin}: prepared in {prepareTime.TotalMilliseconds:F1} ms ({prepared.Outcome}), answered in {clock.Elapsed.TotalMilliseconds:F1} ms");
        if (wanted is not null)
        {
            output.WriteLine(request.Query);
            output.WriteLine("variables: " + Describe(request.Variables));
        }

        Assert.Null(problem);
    }

    // The engine's promise: never throws for a request, and answers with errors, data or both.
    private static (string? Problem, ExecutionOutcome Outcome) Check(GraphQLEngine engine, GraphQLRequest request)
    {
        ExecutionResult result;
        try
        {
            result = engine.ExecuteAsync(request).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            return ("threw " + exception, default);
        }

        return (Problem(result), result.Outcome);
    }

    private static string? Problem(ExecutionResult result)
    {
        if (result.Errors.Count == 0 && result.Data is null)
        {
            return "neither errors nor data";
        }

        if (result.Errors.FirstOrDefault(e => string.IsNullOrEmpty(e.Message)) is { } silent)
        {
            return "an error without a message at " + string.Join(".", silent.Path ?? []);
        }

        try
        {
            using var json = JsonDocument.Parse(result.ToJson());
            return json.RootElement.TryGetProperty("errors", out _) || json.RootElement.TryGetProperty("data", out _)
                ? null
                : "JSON with neither errors nor data: " + json.RootElement;
        }
        catch (Exception exception)
        {
            return "writing the result threw " + exception;
        }
    }

    private static (FuzzSeed Seed, GraphQLRequest Request) MakeRequest(FuzzCorpus corpus, int index)
    {
        var random = new Random(unchecked((Seed * 1_000_003) + index));
        var seed = corpus.Seeds[random.Next(corpus.Seeds.Count)];
        string query;
        IReadOnlyList<(string Name, string? Type)> variables;
        if (random.Next(2) == 0)
        {
            // A schema-following document, sometimes damaged a little.
            var generator = new QueryGenerator(seed.Engine.Schema, random);
            query = generator.Generate();
            variables = [.. generator.Variables.Select(v => (v.Name, (string?)v.Type.ToString()))];
            if (random.Next(5) == 0)
            {
                query = DocumentMutator.Mutate(random, query, corpus.Queries, corpus.Names);
            }
        }
        else
        {
            query = DocumentMutator.Mutate(random, seed.Query, corpus.Queries, corpus.Names);
            variables = [.. VariablePattern().Matches(query).Select(m => (m.Groups[1].Value, (string?)null)).DistinctBy(v => v.Item1)];
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, type) in variables.Where(_ => random.Next(5) != 0))
        {
            values[name] = random.Next(3) == 0 ? VariableValue(random, 0) : PlausibleValue(random, type);
        }

        if (random.Next(10) == 0)
        {
            values["undeclared"] = VariableValue(random, 0);
        }

        var operationName = random.Next(40) switch
        {
            0 => "Op" + random.Next(3),
            1 => corpus.Names[random.Next(corpus.Names.Count)],
            2 => string.Empty,
            _ => null,
        };
        return (seed, new GraphQLRequest(query, values.Count == 0 && random.Next(2) == 0 ? null : values, operationName));
    }

    [GeneratedRegex("\\$([_A-Za-z][_0-9A-Za-z]*)", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();

    // A value that fits the variable's declared type, as JSON from HTTP would bring it.
    private static object? PlausibleValue(Random random, string? type)
    {
        var named = type?.TrimEnd('!').Trim('[', ']').TrimEnd('!');
        var list = type?.StartsWith('[') == true;
        object? item = named switch
        {
            "Boolean" => random.Next(2) == 0,
            "Int" => random.Next(-100, 100),
            "Float" => random.NextDouble(),
            "String" or "ID" => "text",
            _ => VariableValue(random, 0),
        };
        return list ? new[] { item, item } : item;
    }

    // What a caller might pass as a variable: CLR values of every shape, and JSON as from HTTP.
    private static object? VariableValue(Random random, int depth) => random.Next(depth > 3 ? 14 : 17) switch
    {
        0 => null,
        1 => random.Next(-1000, 1000),
        2 => (long)random.Next() << 20,
        3 => random.Next(3) switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => random.NextDouble() * 1e6 },
        4 => random.Next(2) == 0,
        5 => "SIT",
        6 => "\ud800 unpaired",
        7 => "2024-05-01T08:30:00+08:00",
        8 => 12.5m,
        9 => new object(),
        10 => DateTime.UnixEpoch,
        11 => ulong.MaxValue,
        12 => JsonDocument.Parse(JsonSnippets[random.Next(JsonSnippets.Length)]).RootElement.Clone(),
        13 => float.NaN,
        14 => Enumerable.Range(0, random.Next(4)).Select(_ => VariableValue(random, depth + 1)).ToArray(),
        15 => Enumerable.Range(0, random.Next(4)).Select(_ => VariableValue(random, depth + 1)).ToList(),
        _ => new Dictionary<string, object?>
        {
            [random.Next(2) == 0 ? "requiredField" : "stringField"] = VariableValue(random, depth + 1),
            ["intField"] = VariableValue(random, depth + 1),
        },
    };

    private static readonly string[] JsonSnippets =
    [
        "null", "1", "-0", "1e400", "123456789012345678901234567890", "1.5", "\"s\"", "\"\\ud800\"", "true",
        "[]", "[1, \"a\", null, [2]]", "{}", "{\"requiredField\": true, \"intField\": 3}", "{\"stringField\": \"x\", \"intField\": 2147483648}",
        "{\"a\": {\"b\": {\"c\": [1, 2, {\"d\": null}]}}}", "\"DOG\"", "[[[[[[[[[[1]]]]]]]]]]",
        "{\"intField\": 1, \"intField\": \"twice\"}", "{\"\\ud800\": 1, \"requiredField\": \"\\udc00x\"}", "\"\\udc00\\ud800\"",
    ];

    private static string Describe(IReadOnlyDictionary<string, object?>? variables) =>
        variables is null ? "(none)" : string.Join(", ", variables.Select(v => v.Key + " = " + DescribeValue(v.Value)));

    private static string DescribeValue(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        JsonElement json => "json " + json.GetRawText(),
        IEnumerable<KeyValuePair<string, object?>> map => "{" + string.Join(", ", map.Select(p => p.Key + ": " + DescribeValue(p.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(DescribeValue)) + "]",
        _ => value.GetType().Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A document to start from, and the engine over the schema it was written for.</summary>
    private sealed record FuzzSeed(string Query, GraphQLEngine Engine, string Origin);

    private sealed class FuzzCorpus
    {
        private FuzzCorpus(List<FuzzSeed> seeds, List<string> names)
        {
            Seeds = seeds;
            Queries = [.. seeds.Select(s => s.Query)];
            Names = names;
        }

        public List<FuzzSeed> Seeds { get; }

        public List<string> Queries { get; }

        /// <summary>Every name in the seeds and their schemas: fields, types, arguments, fragments.</summary>
        public List<string> Names { get; }

        public static FuzzCorpus Load([CallerFilePath] string here = "")
        {
            var testsDirectory = Path.GetDirectoryName(Path.GetDirectoryName(here))!;
            var corpusDirectory = ConformanceCorpus.SpecDirectory;
            var schemaSdl = ((YamlSequenceNode)ReadYaml(Path.Combine(corpusDirectory, "schemas.yml"))).Children
                .Select(n => ((YamlScalarNode)n).Value ?? string.Empty)
                .ToList();

            var engines = new Dictionary<string, GraphQLEngine?>(StringComparer.Ordinal);
            GraphQLEngine? EngineFor(string reference)
            {
                if (!engines.TryGetValue(reference, out var engine))
                {
                    engine = TryBuildEngine(int.TryParse(reference, CultureInfo.InvariantCulture, out var i) ? schemaSdl[i] : reference);
                    engines[reference] = engine;
                }

                return engine;
            }

            var seeds = new List<FuzzSeed>();
            foreach (var file in Directory.GetFiles(corpusDirectory, "*.spec.yml").Order(StringComparer.Ordinal))
            {
                foreach (var item in ((YamlSequenceNode)ReadYaml(file)).Children.Cast<YamlMappingNode>())
                {
                    var query = Scalar(item, "query");
                    if (query.Length > 0 && EngineFor(Scalar(item, "schema")) is { } engine)
                    {
                        seeds.Add(new FuzzSeed(query, engine, Path.GetFileName(file) + ": " + Scalar(item, "name")));
                    }
                }
            }

            var main = EngineFor("0")!;
            var kitchenSink = File.ReadAllText(Path.Combine(testsDirectory, "Language", "Reference", "ks.graphql"));
            seeds.Add(new FuzzSeed(kitchenSink, main, "ks.graphql"));
            seeds.Add(new FuzzSeed(IntrospectionSeed, main, "introspection"));

            var names = seeds.SelectMany(s => NamePattern().Matches(s.Query).Select(m => m.Value))
                .Concat(engines.Values.OfType<GraphQLEngine>().SelectMany(e => e.Schema.TypeMap.Keys))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            return new FuzzCorpus(seeds, names);
        }

        // Only valid schemas: the engine's promise is about requests, not about broken schemas.
        private static GraphQLEngine? TryBuildEngine(string sdl)
        {
            GraphQLSchema schema;
            try
            {
                schema = BuildAstSchema.BuildSchema(sdl);
            }
            catch (GraphQLError)
            {
                return null;
            }

            if (schema.QueryType is null || schema.Validate().Count > 0)
            {
                return null;
            }

            return new GraphQLEngine(schema, new GraphQLEngineOptions
            {
                Execution = new ExecutionOptions { RootValue = FakeObject.Root(schema), Timeout = TimeSpan.FromSeconds(10) },
            });
        }

        private static string Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
                ? scalar.Value ?? string.Empty
                : string.Empty;

        private static YamlNode ReadYaml(string path)
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents[0].RootNode;
        }
    }

    [GeneratedRegex("[_A-Za-z][_0-9A-Za-z]*", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    private const string IntrospectionSeed = """
        query Introspection($includeDeprecated: Boolean = true) {
          __schema {
            description
            queryType { name }
            mutationType { name }
            types {
              kind name description specifiedByURL isOneOf
              fields(includeDeprecated: $includeDeprecated) { name args(includeDeprecated: true) { name defaultValue type { ...Ref } } type { ...Ref } isDeprecated deprecationReason }
              inputFields(includeDeprecated: true) { name defaultValue isDeprecated }
              interfaces { name }
              enumValues(includeDeprecated: $includeDeprecated) { name isDeprecated deprecationReason }
              possibleTypes { name }
            }
            directives { name isRepeatable locations args { name defaultValue } }
          }
          __type(name: "Dog") { name fields { name } }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;
}
