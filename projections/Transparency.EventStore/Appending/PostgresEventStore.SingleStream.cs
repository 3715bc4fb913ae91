using Npgsql;
using NpgsqlTypes;

namespace Transparency.EventStore;

public sealed partial class PostgresEventStore
{
    // The common write (a court appends to one case) as one plain SQL statement instead of es_append:
    // PL/pgSQL's general multi-stream path costs a third of single-event throughput. The stream row is
    // claimed first, by a statement that changes nothing when the expected version is wrong, so a stale
    // append returns no row and leaves no trace, in or out of a caller's transaction. The events insert
    // joins that claim, so it inserts nothing without it.
    private const string EventsFromClaim = """
        insert into events (stream_id, version, type, data, metadata)
        select $1, claim.base + e.off, e.type, e.data, e.metadata
        from claim, unnest($4::text[], $5::jsonb[], $6::jsonb[]) with ordinality as e(type, data, metadata, off)
        order by e.off
        returning stream_id, version, seq, pg_current_xact_id()
        """;

    /// <summary>One event (most appends): scalars instead of arrays, so neither side encodes or unnests one.</summary>
    private const string EventFromClaim = """
        insert into events (stream_id, version, type, data, metadata)
        select $1, claim.base + 1, $4, $5, $6
        from claim
        returning stream_id, version, seq, pg_current_xact_id()
        """;

    /// <summary>Any version: the upsert takes the stream's row lock, so appenders of one stream queue and versions stay contiguous.</summary>
    private const string ClaimAny = """
        with claim as (
            insert into streams as t (id, type, version) values ($1, $2, $3)
            on conflict (id) do update set version = t.version + $3, updated = now()
            returning t.version - $3 as base
        )
        """;

    /// <summary>No stream yet: a stream that exists (or is being created by a concurrent append, once it commits) claims nothing.</summary>
    private const string ClaimNew = """
        with claim as (
            insert into streams (id, type, version) values ($1, $2, $3)
            on conflict (id) do nothing
            returning 0::bigint as base
        )
        """;

    /// <summary>Exactly $7 events so far: the update claims the row only at that version (it re-checks after waiting on a lock).</summary>
    private const string ClaimExact = """
        with claim as (
            update streams set version = version + $3, updated = now()
            where id = $1 and version = $7
            returning $7::bigint as base
        )
        """;

    private const string AppendAnySql = ClaimAny + EventsFromClaim;
    private const string AppendNewSql = ClaimNew + EventsFromClaim;
    private const string AppendExactSql = ClaimExact + EventsFromClaim;
    internal const string AppendOneAnySql = ClaimAny + EventFromClaim;
    private const string AppendOneNewSql = ClaimNew + EventFromClaim;
    private const string AppendOneExactSql = ClaimExact + EventFromClaim;

    private static bool IsSingleStream(AppendRequest request, bool notify) =>
        request.StreamIds.Length == 1 && request.IdempotencyKey is null && !notify;

    private static NpgsqlCommand SingleStreamCommand(NpgsqlConnection connection, NpgsqlTransaction? tx, AppendRequest request)
    {
        var expected = request.Expected[0];
        var one = request.Types.Length == 1;
        var sql = (expected, one) switch
        {
            ( < 0, true) => AppendOneAnySql,
            ( < 0, false) => AppendAnySql,
            (0, true) => AppendOneNewSql,
            (0, false) => AppendNewSql,
            (_, true) => AppendOneExactSql,
            (_, false) => AppendExactSql,
        };
        var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = request.StreamIds[0] });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)request.StreamTypes[0] ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (long)request.Types.Length });
        if (one)
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = request.Types[0] });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = request.Data[0] });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)request.Metadata[0] ?? DBNull.Value });
        }
        else
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = request.Types });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = request.Data });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = request.Metadata });
        }
        if (expected > 0)
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = expected });
        }
        return cmd;
    }
}
