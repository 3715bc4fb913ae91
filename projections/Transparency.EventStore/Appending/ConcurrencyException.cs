namespace Transparency.EventStore;

/// <summary>An append found the stream at another version than the writer expected; nothing was appended.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException(string streamId, ExpectedVersion expected, long actual, Exception? inner = null)
        : base($"stream '{streamId}' was expected at version {expected} but is at version {actual}", inner)
    {
        StreamId = streamId;
        Expected = expected;
        Actual = actual;
    }

    public string StreamId { get; }

    public ExpectedVersion Expected { get; }

    /// <summary>The version the stream had when the append was refused.</summary>
    public long Actual { get; }
}
