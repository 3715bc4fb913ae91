using Npgsql;
using NpgsqlTypes;

namespace Transparency.EventStore.Tests.Support;

/// <summary>
/// A stream-scoped test read model: the balance of each account stream, plus a log of every event it was
/// given, in the order given, so a test can see duplicates, gaps and order.
/// </summary>
public sealed class LedgerProjection(string name = "ledger", bool streamScoped = true) : IProjection
{
    public string Name => name;

    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(Deposited), typeof(Withdrawn)];

    public bool StreamScoped => streamScoped;

    public string SchemaVersion { get; set; } = "";

    /// <summary>Given new streams, it inserts balances without <c>on conflict</c>, so a rebuild may fill its tables bare.</summary>
    public bool InsertsOnlyForNewStreams { get; set; }

    /// <summary>The streams of each call that said they were new (<see cref="ProjectionContext.NewStreams"/>).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string[]> NewStreamCalls { get; } = new();

    /// <summary>Written with each applied event, to tell which daemon applied it.</summary>
    public string Tag { get; set; } = "a";

    /// <summary>Runs after the log rows are written and before the balances: a place to fail or stall mid-batch.</summary>
    public Func<IReadOnlyList<RecordedEvent>, ProjectionContext, CancellationToken, Task>? MidApply { get; set; }

    /// <summary>Events this projection cannot handle: applying one throws.</summary>
    public Func<RecordedEvent, bool>? Poison { get; set; }

    public async Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            create table if not exists applied (
                n         bigserial primary key,
                seq       bigint not null,
                stream_id text   not null,
                version   bigint not null,
                event_id  text   not null,
                tag       text   not null
            );
            create table if not exists balances (
                stream_id    text   primary key,
                balance      bigint not null,
                events       int    not null,
                last_version bigint not null
            );
            """, context.Connection, context.Transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var poison = Poison is null ? null : events.FirstOrDefault(Poison);
        if (poison is not null)
        {
            throw new InvalidOperationException($"cannot apply event {poison.Seq}");
        }
        await using (var log = new NpgsqlCommand("""
            insert into applied (seq, stream_id, version, event_id, tag)
            select s, st, v, id, $5 from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) as u(s, st, v, id)
            """, context.Connection, context.Transaction))
        {
            log.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Seq).ToArray() });
            log.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.StreamId).ToArray() });
            log.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Version).ToArray() });
            log.Parameters.Add(new NpgsqlParameter { Value = events.Select(EventId).ToArray() });
            log.Parameters.Add(new NpgsqlParameter { Value = Tag });
            await log.ExecuteNonQueryAsync(ct);
        }
        if (MidApply is not null)
        {
            await MidApply(events, context, ct);
        }
        if (context.NewStreams)
        {
            NewStreamCalls.Enqueue(events.Select(e => e.StreamId).Distinct().ToArray());
        }
        var changes = Balances(events);
        await using var upsert = new NpgsqlCommand(context.NewStreams && InsertsOnlyForNewStreams
            ? """
              insert into balances (stream_id, balance, events, last_version)
              select * from unnest($1::text[], $2::bigint[], $3::int[], $4::bigint[])
              """
            : """
              insert into balances (stream_id, balance, events, last_version)
              select * from unnest($1::text[], $2::bigint[], $3::int[], $4::bigint[])
              on conflict (stream_id) do update
              set balance = balances.balance + excluded.balance,
                  events = balances.events + excluded.events,
                  last_version = excluded.last_version
              """, context.Connection, context.Transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.StreamId).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Delta).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Events).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.LastVersion).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await upsert.ExecuteNonQueryAsync(ct);
    }

    public static string EventId(RecordedEvent e) => e.Data switch
    {
        Deposited d => d.Id,
        Withdrawn w => w.Id,
        _ => throw new InvalidOperationException($"unexpected {e.Data.GetType().Name}"),
    };

    /// <summary>The pure part: per stream, the change of balance, how many events, the last version.</summary>
    public static IReadOnlyList<(string StreamId, long Delta, int Events, long LastVersion)> Balances(IReadOnlyList<RecordedEvent> events) =>
        events.GroupBy(e => e.StreamId)
            .Select(g => (g.Key,
                g.Sum(e => e.Data switch { Deposited d => d.AmountFen, Withdrawn w => -w.AmountFen, _ => 0 }),
                g.Count(),
                g.Last().Version))
            .ToList();
}
