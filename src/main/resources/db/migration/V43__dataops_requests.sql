-- Reviewed data operations (核心数据库操作双人复核) on the inspection module's database targets.

-- Which targets are hospital production systems: a data operation on one needs the hospital's written authorization.
alter table inspection_targets add column production boolean not null default false;

create table dataops_requests (
    id               bigserial primary key,
    target_code      varchar(64)  not null,
    statements       text         not null,
    rollback_sql     text,
    reason           text         not null,
    ticket_id        bigint,
    change_id        bigint,
    expected_rows    bigint       not null,
    status           varchar(20)  not null,
    rollback_of      bigint references dataops_requests (id),
    requested_by     varchar(64)  not null,
    requested_at     timestamptz  not null,
    -- the last preview and the execution: statements with their row counts and before-images, as JSON
    preview          jsonb,
    reviewed_by      varchar(64),
    reviewed_at      timestamptz,
    review_reason    text,
    executed_by      varchar(64),
    executed_at      timestamptz,
    execution        jsonb
);

create index dataops_requests_status on dataops_requests (status, id);
create index dataops_requests_target on dataops_requests (target_code, id);
create unique index dataops_requests_one_rollback on dataops_requests (rollback_of)
    where rollback_of is not null and status <> 'REFUSED';

create table dataops_timeline (
    id         bigserial primary key,
    request_id bigint       not null references dataops_requests (id),
    at         timestamptz  not null,
    kind       varchar(30)  not null,
    actor      varchar(64)  not null,
    note       text
);

create index dataops_timeline_request on dataops_timeline (request_id, id);
