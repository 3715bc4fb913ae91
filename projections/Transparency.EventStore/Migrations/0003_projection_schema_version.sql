-- The shape each projection's live tables were built with (IProjection.SchemaVersion), written by
-- whoever creates them and by a rebuild's swap. When the code's differs, the daemon rebuilds the
-- projection into new tables before it applies anything to the old ones.
create table projection_schemas (
    name    text        primary key,
    version text        not null,
    built   timestamptz not null default now()
);
