-- Inspection (巡检): the targets the vendor inspects, the rounds run on them and each round's results. A target's
-- connection keeps its non-secret fields as JSON; its password, private key or token is sealed apart and never
-- shown again. Per-target check settings (which checks, thresholds, parameters such as services or log paths)
-- are kept as JSON beside the target.
create table inspection_targets (
    id            bigserial    primary key,
    code          varchar(64)  not null unique,
    name          varchar(200) not null,
    kind          varchar(16)  not null,
    connection    jsonb        not null default '{}',
    sealed_secret text,
    checks        jsonb        not null default '[]',
    system_code   varchar(32),
    active        boolean      not null default true,
    created_at    timestamptz  not null,
    created_by    varchar(128) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(128) not null
);

create table inspection_rounds (
    id          bigserial    primary key,
    template    varchar(16),
    status      varchar(16)  not null,
    trigger     varchar(16)  not null,
    schedule_id bigint,
    targets     jsonb        not null default '[]',
    started_by  varchar(128) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz
);
create index inspection_rounds_started on inspection_rounds (started_at desc);

create table inspection_items (
    id          bigserial    primary key,
    round_id    bigint       not null references inspection_rounds (id),
    target_code varchar(64)  not null,
    check_code  varchar(64)  not null,
    result      varchar(8)   not null,
    value       text,
    threshold   text,
    evidence    text,
    checked_at  timestamptz  not null
);
create index inspection_items_round on inspection_items (round_id);
create index inspection_items_history on inspection_items (target_code, check_code, checked_at);
