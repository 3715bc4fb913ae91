using Transparency.GraphQL.Utilities;
using YamlDotNet.RepresentationModel;

namespace Transparency.GraphQL.Tests.UtilitiesTests;

// The validation conformance corpus builds its test schemas with BuildSchema; graphql-js 17
// builds every one of them into a schema that validateSchema accepts, and so must we.
public sealed class ConformanceSchemasTests
{
    private static readonly string SchemasPath = Path.Combine(ConformanceCorpus.SpecDirectory, "schemas.yml");

    public static TheoryData<int> SchemaIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < LoadSchemas().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaIndexes))]
    public void Corpus_schema_builds_and_validates(int index)
    {
        var sdl = LoadSchemas()[index];
        if (string.IsNullOrWhiteSpace(sdl))
        {
            return; // the corpus's empty schema: nothing to build
        }

        var schema = BuildAstSchema.BuildSchema(sdl);

        Assert.Empty(schema.Validate().Select(e => e.Message));
        Assert.NotNull(schema.QueryType);
    }

    private static List<string> LoadSchemas()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(SchemasPath))
        {
            stream.Load(reader);
        }

        return [.. ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Select(n => ((YamlScalarNode)n).Value ?? string.Empty)];
    }
}
