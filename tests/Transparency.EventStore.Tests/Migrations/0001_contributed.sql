-- A migration contributed by another assembly: it may use the store's tables, which exist by now.
create table contributed_marker (stream_id text primary key references streams (id));
