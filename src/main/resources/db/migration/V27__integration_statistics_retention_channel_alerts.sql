-- Integration engine observability (issue #13): per-minute and per-hour counters per channel and destination,
-- and the extra settings of the channel alert rules.

-- Counters accumulated in memory on each node and added here every few seconds (on conflict: n + excluded.n), so
-- the message path never writes a row per message. destination '' is the channel's intake (received, filtered,
-- queued, errored at intake); a destination's row counts its deliveries (sent, errored = parked) and latency.
create table integration_statistics (
    channel_code   varchar(64) not null,
    granularity    char(1)     not null check (granularity in ('m', 'h')),
    bucket         timestamptz not null,
    destination    varchar(64) not null default '',
    received       bigint      not null default 0,
    filtered       bigint      not null default 0,
    queued         bigint      not null default 0,
    sent           bigint      not null default 0,
    errored        bigint      not null default 0,
    retried        bigint      not null default 0,
    latency_ms_sum bigint      not null default 0,
    latency_count  bigint      not null default 0,
    primary key (channel_code, granularity, bucket, destination)
);
create index integration_statistics_bucket on integration_statistics (granularity, bucket);

-- Channel alert rules: a queue rule also fires when its oldest entry is older than max_age_minutes; a silence
-- rule only counts within its active window (local time of the hospital, days 1 = Monday … 7 = Sunday).
alter table alert_rules
    add column max_age_minutes int,
    add column active_from     time,
    add column active_to       time,
    add column active_days     varchar(16);

-- Retention rewrites a day partition with the content of expired channels nulled (never an UPDATE in place): a
-- message past its content days keeps its metadata and has no raw text any more.
alter table integration_messages alter column raw drop not null;
