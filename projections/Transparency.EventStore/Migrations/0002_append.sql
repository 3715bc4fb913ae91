-- The whole append as one function, so an append outside a caller's transaction is a single
-- round trip and a single statement: either every event of every stream lands, or none.
--
-- p_stream_ids / p_stream_types / p_expected: one entry per stream in the append.
--   p_expected: -1 any version, 0 no stream yet, n exactly n events so far.
-- Per event: p_event_stream_ids its stream, p_event_stream the 1-based index of that stream in
--   p_stream_ids, p_event_offset its place in the stream's part of the append (1, 2, ...): the
--   event gets version = the stream's version before the append + offset. Computing that on the
--   client keeps the insert a plain scan, with no window, sort or join, in the order given.
-- Raises SQLSTATE 'ES409' with a JSON detail {stream, expected, actual} on a stale version.
create function es_append(
    p_stream_ids      text[],
    p_stream_types    text[],
    p_expected        bigint[],
    p_event_stream_ids text[],
    p_event_stream    int[],
    p_event_offset    int[],
    p_types           text[],
    p_data            jsonb[],
    p_metadata        jsonb[],
    p_idempotency_key text,
    p_notify          boolean)
returns table (o_stream_id text, o_version bigint, o_seq bigint, o_tx_id xid8, o_replayed boolean)
language plpgsql as $$
declare
    v_bases    bigint[];
    v_conflict record;
    v_streams  text[];
    v_versions bigint[];
    v_seqs     bigint[];
begin
    if p_idempotency_key is not null then
        -- A concurrent append with the same key makes this insert wait for it; if it commits,
        -- nothing is inserted here and its result is returned instead.
        insert into idempotency_keys (key) values (p_idempotency_key) on conflict do nothing;
        if not found then
            return query
                select r.s, r.v, r.q, null::xid8, true
                from idempotency_keys k, unnest(k.stream_ids, k.versions, k.seqs) as r(s, v, q)
                where k.key = p_idempotency_key
                order by r.q;
            return;
        end if;
    end if;

    -- Streams and events are joined on their index, never looked up by subscript: a subscript into
    -- a text[] walks the array, which makes a large batch quadratic.
    -- Rows are upserted in id order so that appends spanning several streams take the row
    -- locks in one order and cannot deadlock each other.
    with s as (
        select * from unnest(p_stream_ids, p_stream_types) with ordinality as s(id, type, idx)
    ), counts as (
        select e.idx, count(*) as n from unnest(p_event_stream) as e(idx) group by e.idx
    ), up as (
        insert into streams as t (id, type, version)
        select s.id, s.type, c.n
        from s join counts c on c.idx = s.idx
        order by s.id
        on conflict (id) do update set version = t.version + excluded.version, updated = now()
        returning t.id, t.version
    )
    select array_agg(up.version - c.n order by s.idx) into v_bases
    from up join s on s.id = up.id join counts c on c.idx = s.idx;

    select i as idx, p_stream_ids[i] as stream_id, p_expected[i] as expected, v_bases[i] as actual
    into v_conflict
    from generate_subscripts(p_expected, 1) as i
    where p_expected[i] >= 0 and p_expected[i] <> v_bases[i]
    limit 1;
    if found then
        raise exception 'stream % expected at version % but is at version %',
                v_conflict.stream_id, v_conflict.expected, v_conflict.actual
            using errcode = 'ES409',
                  detail = json_build_object('stream', v_conflict.stream_id,
                                             'expected', v_conflict.expected,
                                             'actual', v_conflict.actual)::text;
    end if;

    if p_idempotency_key is null then
        -- Delivered only if this transaction commits: wakes the projection daemon at once.
        if p_notify then
            perform pg_notify('es_events', '');
        end if;
        return query
            insert into events (stream_id, version, type, data, metadata)
            select e.stream_id, v_bases[e.idx] + e.off, e.type, e.data, e.metadata
            from unnest(p_event_stream_ids, p_event_stream, p_event_offset, p_types, p_data, p_metadata)
                as e(stream_id, idx, off, type, data, metadata)
            returning events.stream_id, events.version, events.seq, pg_current_xact_id(), false;
        return;
    end if;

    with ins as (
        insert into events (stream_id, version, type, data, metadata)
        select e.stream_id, v_bases[e.idx] + e.off, e.type, e.data, e.metadata
        from unnest(p_event_stream_ids, p_event_stream, p_event_offset, p_types, p_data, p_metadata)
            as e(stream_id, idx, off, type, data, metadata)
        returning events.stream_id, events.version, events.seq
    )
    select array_agg(ins.stream_id order by ins.seq), array_agg(ins.version order by ins.seq),
           array_agg(ins.seq order by ins.seq)
    into v_streams, v_versions, v_seqs
    from ins;

    update idempotency_keys
    set stream_ids = v_streams, versions = v_versions, seqs = v_seqs
    where key = p_idempotency_key;

    -- Delivered only if this transaction commits: wakes the projection daemon at once.
    if p_notify then
        perform pg_notify('es_events', '');
    end if;

    return query
        select r.s, r.v, r.q, pg_current_xact_id(), false
        from unnest(v_streams, v_versions, v_seqs) as r(s, v, q);
end
$$;
