-- Business calendars: weekly working intervals, dated exceptions, and the years whose holiday table
-- was imported (a year without a row here has no table; the console says so).
create table business_calendars (
    code       varchar(32) primary key,
    name       varchar(128) not null,
    zone       varchar(64) not null,
    is_default boolean not null default false
);
create unique index business_calendars_one_default on business_calendars (is_default) where is_default;

create table calendar_hours (
    calendar_code varchar(32) not null references business_calendars (code) on delete cascade,
    day_of_week   smallint not null check (day_of_week between 1 and 7),
    start_time    time not null,
    end_time      time not null check (end_time > start_time)
);

create table calendar_days (
    calendar_code varchar(32) not null references business_calendars (code) on delete cascade,
    day           date not null,
    kind          varchar(8) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name          varchar(64) not null default '',
    primary key (calendar_code, day)
);

create table calendar_years (
    calendar_code varchar(32) not null references business_calendars (code) on delete cascade,
    year          int not null,
    source        varchar(256) not null,
    imported_at   timestamptz not null,
    imported_by   varchar(64) not null,
    primary key (calendar_code, year)
);

insert into business_calendars(code, name, zone, is_default) values ('default', '医院标准工作日历', 'Asia/Shanghai', true);
insert into calendar_hours(calendar_code, day_of_week, start_time, end_time)
select 'default', d, time '08:00', time '18:00' from generate_series(1, 5) d;

-- SLA policies per priority, versioned: a ticket keeps the version it was measured against.
create table sla_policies (
    id            bigserial primary key,
    priority      varchar(16) not null,
    version       int not null,
    name          varchar(128) not null,
    calendar_code varchar(32) not null references business_calendars (code),
    targets       jsonb not null,
    current       boolean not null,
    created_at    timestamptz not null,
    created_by    varchar(64) not null,
    unique (priority, version)
);
create unique index sla_policies_one_current on sla_policies (priority) where current;

insert into sla_policies(priority, version, name, calendar_code, targets, current, created_at, created_by) values
('CRITICAL', 1, '一级（系统瘫痪）：1 小时修复，2 小时到场', 'default',
 '[{"kind":"RESPONSE","basis":"BUSINESS","minutes":30,"outsideHoursMinutes":60},
   {"kind":"ARRIVAL","basis":"CALENDAR","minutes":120},
   {"kind":"LOCATION","basis":"CALENDAR","minutes":180},
   {"kind":"RESOLUTION","basis":"CALENDAR","minutes":60}]', true, now(), 'system'),
('HIGH', 1, '二级（窗口科室停用）：4 小时修复，3 小时到场', 'default',
 '[{"kind":"RESPONSE","basis":"BUSINESS","minutes":30,"outsideHoursMinutes":60},
   {"kind":"ARRIVAL","basis":"CALENDAR","minutes":180},
   {"kind":"LOCATION","basis":"CALENDAR","minutes":180},
   {"kind":"RESOLUTION","basis":"CALENDAR","minutes":240}]', true, now(), 'system'),
('MEDIUM', 1, '三级（一般故障）：8 小时修复，1 个工作日到场', 'default',
 '[{"kind":"RESPONSE","basis":"BUSINESS","minutes":30,"outsideHoursMinutes":60},
   {"kind":"ARRIVAL","basis":"BUSINESS","minutes":600},
   {"kind":"LOCATION","basis":"BUSINESS","minutes":180},
   {"kind":"RESOLUTION","basis":"BUSINESS","minutes":480}]', true, now(), 'system'),
('LOW', 1, '低：24 小时修复', 'default',
 '[{"kind":"RESPONSE","basis":"BUSINESS","minutes":30,"outsideHoursMinutes":60},
   {"kind":"ARRIVAL","basis":"BUSINESS","minutes":600},
   {"kind":"LOCATION","basis":"BUSINESS","minutes":180},
   {"kind":"RESOLUTION","basis":"BUSINESS","minutes":1440}]', true, now(), 'system');

-- Who is warned at which share of a target: the engineer, then the service manager, then the vendor's
-- project manager; 100 is the breach.
create table sla_escalations (
    percent    int primary key check (percent between 1 and 100),
    audience   varchar(24) not null,
    target_ids bigint[] not null default '{}'
);
insert into sla_escalations(percent, audience) values (50, 'ENGINEER'), (75, 'SERVICE_MANAGER'),
    (90, 'PROJECT_MANAGER'), (100, 'PROJECT_MANAGER');

create sequence ticket_numbers;

create table tickets (
    id                 bigserial primary key,
    number             varchar(24) not null unique,
    title              varchar(200) not null,
    phenomenon         text not null,
    occurred_at        timestamptz not null,
    impact_scope       varchar(500) not null,
    system_codes       varchar(32)[] not null,
    category           varchar(16) not null,
    steps              text,
    reporter           varchar(64) not null,
    contact            varchar(128) not null,
    source             varchar(16) not null,
    priority           varchar(16) not null,
    policy_id          bigint not null references sla_policies (id),
    calendar_code      varchar(32) not null references business_calendars (code),
    status             varchar(24) not null,
    status_before_wait varchar(24),
    cycle              int not null default 1,
    cycle_started_at   timestamptz not null,
    assignee           varchar(64),
    work_mode          varchar(8),
    arrived_at         timestamptz,
    root_cause         text,
    location_impact    text,
    fix_priority       varchar(200),
    risk               text,
    located_at         timestamptz,
    located_by         varchar(64),
    fix_summary        text,
    fixed_at           timestamptz,
    fixed_by           varchar(64),
    confirmed_by       varchar(64),
    confirmer_name     varchar(64),
    confirmation       text,
    confirmed_at       timestamptz,
    recurrence_of      bigint references tickets (id),
    alert_id           bigint unique,
    reported_at        timestamptz not null,
    created_by         varchar(64) not null,
    closed_at          timestamptz,
    calendar_warning   varchar(200)
);
create index tickets_status on tickets (status);
create index tickets_reported on tickets (reported_at desc);
create index tickets_recurrence on tickets using gin (system_codes);

-- What a closed cycle established, kept when the ticket is reopened: the location report, the repair and
-- the hospital's signed confirmation of that cycle.
create table ticket_cycles (
    ticket_id       bigint not null references tickets (id) on delete cascade,
    cycle           int not null,
    root_cause      text,
    location_impact text,
    fix_priority    varchar(200),
    risk            text,
    located_at      timestamptz,
    located_by      varchar(64),
    fix_summary     text,
    fixed_at        timestamptz,
    fixed_by        varchar(64),
    confirmed_by    varchar(64),
    confirmer_name  varchar(64),
    confirmation    text,
    confirmed_at    timestamptz,
    closed_at       timestamptz not null,
    primary key (ticket_id, cycle)
);

-- The ticket's timeline: every transition and note, in order.
create table ticket_events (
    id        bigserial primary key,
    ticket_id bigint not null references tickets (id) on delete cascade,
    at        timestamptz not null,
    actor     varchar(64) not null,
    kind      varchar(32) not null,
    detail    text not null default ''
);
create index ticket_events_ticket on ticket_events (ticket_id, id);

create table sla_clocks (
    id             bigserial primary key,
    ticket_id      bigint not null references tickets (id) on delete cascade,
    cycle          int not null,
    kind           varchar(16) not null,
    basis          varchar(12) not null,
    target_seconds bigint not null,
    started_at     timestamptz not null,
    running_since  timestamptz,
    paused_since   timestamptz,
    elapsed_seconds bigint not null,
    paused_seconds bigint not null,
    due_at         timestamptz,
    stopped_at     timestamptz,
    breached_at    timestamptz,
    warned_percent int not null default 0,
    state          varchar(12) not null,
    unique (ticket_id, cycle, kind)
);
create index sla_clocks_running on sla_clocks (state) where state in ('RUNNING', 'PAUSED');

create table ticket_attachments (
    id           bigserial primary key,
    ticket_id    bigint not null references tickets (id) on delete cascade,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   int not null,
    content      bytea not null,
    uploaded_at  timestamptz not null,
    uploaded_by  varchar(64) not null
);

-- Spring Modulith's event publication registry (schema v2): events between modules, such as a critical
-- alert that opens a ticket, are stored with the publishing transaction and retried until handled.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
