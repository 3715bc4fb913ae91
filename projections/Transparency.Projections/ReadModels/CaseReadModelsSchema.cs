namespace Transparency.Projections.ReadModels;

/// <summary>
/// The tables and views of the public read models. Unqualified names: the event store runs this
/// with search_path on the projection's own schema (live or rebuild), and views bind to the
/// tables they were created beside, so a rebuilt schema is swapped in whole.
/// </summary>
internal static class CaseReadModelsSchema
{
    public const string Sql = """
        -- Internal to the projection, not for readers: the masked per-case state every row below is
        -- derived from (no full resident ID in it), loaded to apply the next event. The state is the
        -- UTF-8 JSON of PublicCase as bytes (read it with convert_from(state, 'UTF8')): only this
        -- projection reads it, whole, so PostgreSQL need not parse it on every write. The lists that
        -- case_progress holds in the same shape (parties, timeline, seizures) are loaded from there.
        create table if not exists public_cases (
            stream_id   text   primary key,
            case_number text   not null unique,
            version     bigint not null,
            state       bytea  compression lz4 not null
        );
        alter table public_cases alter column state set statistics 0;

        -- The nested lists are json, not jsonb: kept as written, read whole by the case page, never
        -- queried inside; jsonb would make PostgreSQL parse and rebuild every one on every write.
        create table if not exists case_progress (
            case_number         text    primary key,
            stream_id           text    not null,
            court_code          text    not null,
            filed_on            date    not null,
            stage               text    not null,
            non_litigation      boolean not null,
            deadline            date    not null,
            suspended_since     date,
            closed_on           date,
            conclusion_method   text,
            amount_claimed      bigint  not null check (amount_claimed >= 0),
            received            bigint  not null check (received >= 0),
            disbursed           bigint  not null check (disbursed >= 0 and disbursed <= received),
            outstanding         bigint  not null,
            active_seized_value bigint  not null,
            officer_name        text,
            basis_case_number   text,
            basis_issuing_body  text,
            earlier_case_number text,
            parties             json    compression lz4 not null,
            timeline            json    compression lz4 not null,
            active_seizures     json    compression lz4 not null,
            seizures            json    compression lz4 not null,
            sanctions           json    compression lz4 not null,
            milestone_deadlines json    not null,
            version             bigint  not null
        );
        create index if not exists case_progress_court_filed on case_progress (court_code, filed_on);
        -- Never filtered or joined on: ANALYZE need not read them (most of its time on this table).
        alter table case_progress
            alter column parties set statistics 0, alter column timeline set statistics 0,
            alter column active_seizures set statistics 0, alter column seizures set statistics 0,
            alter column sanctions set statistics 0, alter column milestone_deadlines set statistics 0;

        create table if not exists case_parties (
            case_number text    not null,
            court_code  text    not null,
            position    int     not null,
            role        text    not null,
            kind        text    not null,
            name        text    not null,
            public_id   text    not null,
            debtor_key  text    not null,
            stage       text    not null,
            outstanding bigint  not null,
            primary key (case_number, position)
        );
        create index if not exists case_parties_debtor on case_parties (debtor_key);
        create index if not exists case_parties_public_id on case_parties (public_id, name);

        create table if not exists case_funds (
            case_number text   not null,
            court_code  text   not null,
            position    int    not null,
            moved_on    date   not null,
            direction   text   not null,
            amount      bigint not null check (amount > 0),
            primary key (case_number, position)
        );
        create index if not exists case_funds_court_month on case_funds (court_code, moved_on);

        -- valid is the half-open interval the sanction was in force: [listed_on, lifted_on).
        create table if not exists sanction_entries (
            entry_id             text    primary key,
            case_number          text    not null,
            court_code           text    not null,
            sanction_id          text    not null,
            kind                 text    not null,
            is_public            boolean not null,
            debtor_kind          text    not null,
            debtor_name          text    not null,
            debtor_public_id     text    not null,
            debtor_key           text    not null,
            ground               text,
            document_number      text    not null,
            obligation           text,
            performance          text    not null,
            listed_on            date    not null,
            period_end           date,
            lifted_on            date,
            lift_reason          text,
            repair_notice_number text,
            history              json    not null,
            valid                daterange generated always as (daterange(listed_on, lifted_on, '[)')) stored
        );
        create index if not exists sanction_entries_case on sanction_entries (case_number);
        alter table sanction_entries alter column history set statistics 0;
        create index if not exists sanction_entries_debtor on sanction_entries (debtor_key, listed_on);
        create index if not exists sanction_entries_public_id on sanction_entries (debtor_public_id, debtor_name);
        -- No index on valid alone: "was this debtor listed on day D" finds the debtor's few rows by
        -- sanction_entries_debtor and tests valid on them; nothing asks for every listing of a day.
        create index if not exists sanction_entries_page on sanction_entries (listed_on desc, entry_id desc) where is_public;
        -- Active listings per court and day (court_statistics): by court first, the day on the btree.
        create index if not exists sanction_entries_court_listings on sanction_entries (court_code, listed_on) where kind = 'DishonestList';

        create table if not exists repair_notices (
            notice_number    text not null,
            published_on     date not null,
            case_number      text not null,
            court_code       text not null,
            sanction_id      text not null,
            debtor_kind      text not null,
            debtor_name      text not null,
            debtor_public_id text not null,
            debtor_key       text not null,
            ground           text,
            decision_number  text not null,
            listed_on        date not null,
            lifted_on        date not null,
            lift_reason      text not null,
            primary key (case_number, sanction_id)
        );
        create index if not exists repair_notices_published on repair_notices (published_on);
        create index if not exists repair_notices_debtor on repair_notices (debtor_key);

        -- A flag shows from raised_from to until (inclusive) while its row exists: the clock raises it.
        create table if not exists oversight_deadlines (
            case_number text not null,
            court_code  text not null,
            flag        text not null,
            subject     text not null,
            raised_from date not null,
            until       date,
            detail      text not null,
            primary key (case_number, flag, subject)
        );
        create index if not exists oversight_deadlines_raised on oversight_deadlines (raised_from);

        create table if not exists change_feed (
            tx_id       xid8   not null,
            seq         bigint not null,
            case_number text   not null,
            court_code  text   not null,
            happened_on date   not null,
            milestone   text   not null,
            summary     text   not null,
            amount      bigint,
            subject     text,
            primary key (tx_id, seq)
        );

        -- Enforcement dates are China dates.
        create or replace view china_today as
            select (now() at time zone 'Asia/Shanghai')::date as today;

        create or replace view case_progress_now as
            select p.*,
                   coalesce(p.closed_on, t.today) - p.filed_on as days_since_filing,
                   case
                       when p.stage in ('Concluded', 'TransferredToBankruptcy') then 'Closed'
                       when p.stage = 'Suspended' then 'Suspended'
                       when t.today > p.deadline then 'Overdue'
                       when p.deadline - t.today <= 30 then 'DueSoon'
                       else 'OnTrack'
                   end as deadline_status
            from case_progress p cross join china_today t;

        create or replace view oversight_flags as
            select d.*
            from oversight_deadlines d cross join china_today t
            where d.raised_from <= t.today and (d.until is null or t.today <= d.until);

        create or replace view public_sanction_entries as
            select * from sanction_entries where is_public;

        create or replace view debtor_profiles as
            select p.debtor_key,
                   min(p.kind) as kind,
                   coalesce((select s.debtor_name from sanction_entries s
                             where s.debtor_key = p.debtor_key and s.is_public and s.lifted_on is null
                             order by s.listed_on limit 1),
                            min(p.name)) as name,
                   min(p.public_id) as public_id,
                   count(distinct p.case_number) as cases,
                   count(distinct p.court_code) as courts,
                   count(distinct p.case_number) filter (where p.stage not in ('Concluded', 'TransferredToBankruptcy')) as open_cases,
                   sum(p.outstanding)::bigint as outstanding,
                   (select count(*) from sanction_entries s
                    where s.debtor_key = p.debtor_key and s.is_public and s.lifted_on is null) as active_sanctions
            from case_parties p
            where p.role = 'Respondent'
            group by p.debtor_key;

        -- Per court and month. "Open past the period" and "active listings" are as at the month's
        -- last day (today for the current month); the period used is each case's current deadline.
        create or replace view court_statistics as
            with months as (
                select court_code, date_trunc('month', filed_on)::date as month from case_progress
                union select court_code, date_trunc('month', closed_on)::date from case_progress where closed_on is not null
                union select court_code, date_trunc('month', moved_on)::date from case_funds
            ),
            bounds as (
                select m.court_code, m.month,
                       least((m.month + interval '1 month - 1 day')::date, t.today) as as_at
                from months m cross join china_today t
            ),
            filed as (
                select court_code, date_trunc('month', filed_on)::date as month, count(*) as n
                from case_progress group by 1, 2
            ),
            concluded as (
                select court_code, date_trunc('month', closed_on)::date as month,
                       count(*) as total,
                       count(*) filter (where conclusion_method = 'Completed') as completed,
                       count(*) filter (where conclusion_method = 'TerminatedForNow') as terminated_for_now,
                       count(*) filter (where conclusion_method = 'Terminated') as terminated,
                       count(*) filter (where conclusion_method = 'NotEnforced') as not_enforced,
                       count(*) filter (where conclusion_method = 'ApplicationRejected') as application_rejected,
                       count(*) filter (where conclusion_method = 'Cancelled') as cancelled,
                       count(*) filter (where stage = 'TransferredToBankruptcy') as transferred_to_bankruptcy,
                       percentile_cont(0.5) within group (order by closed_on - filed_on) as median_days_to_conclusion
                from case_progress where closed_on is not null group by 1, 2
            ),
            money as (
                select court_code, date_trunc('month', moved_on)::date as month,
                       coalesce(sum(amount) filter (where direction = 'Received'), 0)::bigint as received,
                       coalesce(sum(amount) filter (where direction = 'Disbursed'), 0)::bigint as disbursed
                from case_funds group by 1, 2
            )
            select b.court_code, b.month,
                   coalesce(f.n, 0) as filed,
                   coalesce(c.total, 0) as concluded,
                   coalesce(c.completed, 0) as completed,
                   coalesce(c.terminated_for_now, 0) as terminated_for_now,
                   coalesce(c.terminated, 0) as terminated,
                   coalesce(c.not_enforced, 0) as not_enforced,
                   coalesce(c.application_rejected, 0) as application_rejected,
                   coalesce(c.cancelled, 0) as cancelled,
                   coalesce(c.transferred_to_bankruptcy, 0) as transferred_to_bankruptcy,
                   c.median_days_to_conclusion,
                   coalesce(m.received, 0) as received,
                   coalesce(m.disbursed, 0) as disbursed,
                   (select count(*) from case_progress p
                    where p.court_code = b.court_code and p.filed_on <= b.as_at and p.deadline < b.as_at
                      and (p.closed_on is null or p.closed_on > b.as_at)) as open_past_period,
                   (select count(*) from sanction_entries s
                    where s.court_code = b.court_code and s.kind = 'DishonestList'
                      -- valid @> as_at, spelled out: on the gist index of valid the planner scans every court's listings.
                      and s.listed_on <= b.as_at and (s.lifted_on is null or s.lifted_on > b.as_at)) as active_listings
            from bounds b
            left join filed f on f.court_code = b.court_code and f.month = b.month
            left join concluded c on c.court_code = b.court_code and c.month = b.month
            left join money m on m.court_code = b.court_code and m.month = b.month;
        """;
}
