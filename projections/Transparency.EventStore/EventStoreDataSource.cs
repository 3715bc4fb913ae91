using Npgsql;

namespace Transparency.EventStore;

/// <summary>The connection settings the store is built and measured with.</summary>
public static class EventStoreDataSource
{
    /// <summary>
    /// A data source for <paramref name="connectionString"/> with two defaults changed, unless the string sets them:
    /// <list type="bullet">
    /// <item>No Reset On Close: Npgsql's reset sends DISCARD ALL with the next use of a pooled connection, which
    /// also throws away PL/pgSQL's cached plans, so every es_append was planned afresh; one-event commits ran at
    /// about half the rate. The store leaves no session state behind it (only <c>set local</c>, and the
    /// daemon unlocks and unlistens before it gives a connection back), so nothing needs resetting.</item>
    /// <item>Max Auto Prepare: the store's few statements are prepared once per connection.</item>
    /// </list>
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        // Npgsql's ContainsKey answers for every known keyword, set or not, so look at the text itself.
        var given = connectionString.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("noresetonclose=", StringComparison.Ordinal))
            builder.NoResetOnClose = true;
        if (!given.Contains("maxautoprepare=", StringComparison.Ordinal))
            builder.MaxAutoPrepare = 32;
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
