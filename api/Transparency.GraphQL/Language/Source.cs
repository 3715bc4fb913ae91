namespace Transparency.GraphQL.Language;

/// <summary>A 1-based line and column in a source, as the spec's error format reports it.</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// The text of a GraphQL document and the name it is reported under. Line starts are computed
/// once, on the first request for a line/column, so locating many errors stays cheap.
/// </summary>
public sealed class Source
{
    private int[]? _lineStarts;

    public Source(string body, string name = "GraphQL request")
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        Name = name;
    }

    public string Body { get; }

    public string Name { get; }

    /// <summary>Line and column (both 1-based) of a character offset into Body.</summary>
    public SourceLocation GetLocation(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Body);
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourceLocation(line + 1, offset - starts[line] + 1);
    }

    // A line ends at \r\n, \n or \r (spec Section 2.1.3, LineTerminator).
    private static int[] ComputeLineStarts(string body)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    public override string ToString() => Name;
}
