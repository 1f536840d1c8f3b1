-- Inspection reports (巡检报告), one per round: the engineer's findings and suggested actions (pre-filled from the
-- round's FAIL/WARN/ERROR items until first saved) and remarks, and the information department's sign-off. Signing
-- freezes the report: its canonical content and that content's SHA-256 are kept, later edits are refused.
create table inspection_reports (
    round_id       bigint       primary key references inspection_rounds (id),
    findings       jsonb        not null default '[]',
    remarks        text,
    version        integer      not null default 0,
    updated_at     timestamptz  not null,
    updated_by     varchar(128) not null,
    signed_by      varchar(128),
    signed_name    varchar(100),
    sign_statement varchar(1000),
    signed_at      timestamptz,
    signed_content text,
    content_hash   char(64)
);
create index inspection_reports_signed on inspection_reports (signed_at);

-- Schedules: a template on chosen targets (none listed: every active target), by a cron rule and/or on the working
-- day before each statutory holiday period of the business calendar (optionally only the named holidays).
-- next_due_at is the next occurrence; the scheduler takes due rows with FOR UPDATE SKIP LOCKED, so one node runs each.
create table inspection_schedules (
    id            bigserial    primary key,
    name          varchar(200) not null,
    template      varchar(16),
    targets       jsonb        not null default '[]',
    cron          varchar(120),
    holiday_eves  boolean      not null default false,
    holidays      jsonb        not null default '[]',
    eve_time      time         not null default '09:00',
    active        boolean      not null default true,
    next_due_at   timestamptz,
    last_due_at   timestamptz,
    created_at    timestamptz  not null,
    created_by    varchar(128) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(128) not null
);
create index inspection_schedules_due on inspection_schedules (next_due_at) where active;

-- Each occurrence a schedule asked a round for, once: the unique key is the guard against a second publication of
-- the same occurrence, whatever node or retry tries it.
create table inspection_schedule_runs (
    schedule_id  bigint       not null references inspection_schedules (id) on delete cascade,
    due_at       timestamptz  not null,
    published_at timestamptz  not null,
    primary key (schedule_id, due_at)
);
