-- The event store's tables (see shared/DESIGN.md, "Event store").

-- One row per event. seq is the global position, but sequence order is not commit order:
-- readers that must not skip anything order by (tx_id, seq) and read only below the oldest
-- running transaction (pg_snapshot_xmin), so tx_id is recorded with every row.
create table events (
    seq         bigint generated always as identity primary key,
    tx_id       xid8        not null default pg_current_xact_id(),
    stream_id   text        not null,
    version     bigint      not null check (version > 0),
    type        text        not null,
    data        jsonb       not null,
    metadata    jsonb,
    recorded_at timestamptz not null default now(),
    constraint events_stream_version unique (stream_id, version)
);
create index events_tx_seq on events (tx_id, seq);

-- The current version of each stream. Appends update this row first, so two appenders of
-- one stream queue on its row lock and versions come out contiguous.
create table streams (
    id      text        primary key,
    type    text,
    version bigint      not null,
    created timestamptz not null default now(),
    updated timestamptz not null default now()
);

-- Where each async projection stands. The checkpoint is the (tx_id, seq) pair of the last
-- event read; it is written in the same transaction as the projection's rows.
create table projection_progress (
    name        text        primary key,
    last_tx_id  xid8        not null default '0',
    last_seq    bigint      not null default 0,
    state       text        not null default 'running' check (state in ('running', 'parked', 'rebuilding')),
    last_error  text,
    poison_seq  bigint,
    updated     timestamptz not null default now()
);

-- An append carrying an idempotency key records its result here, in the append's own
-- transaction, so a retry of the same request returns that result and appends nothing.
create table idempotency_keys (
    key         text        primary key,
    stream_ids  text[],
    versions    bigint[],
    seqs        bigint[],
    recorded_at timestamptz not null default now()
);
