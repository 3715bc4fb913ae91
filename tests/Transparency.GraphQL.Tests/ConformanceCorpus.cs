namespace Transparency.GraphQL.Tests;

/// <summary>
/// Where graphql-js's validation cases live: vendored under tests/conformance (a copy of
/// ../shared/conformance, MIT), so a clean clone tests itself wherever it is checked out.
/// </summary>
internal static class ConformanceCorpus
{
    public static string SpecDirectory { get; } = Find();

    private static string Find([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Transparency.sln")))
                    return Path.Combine(directory.FullName, "tests", "conformance", "graphql-validation", "spec");
            }
        }
        throw new DirectoryNotFoundException("Transparency.sln not found above the test binaries or sources.");
    }
}
