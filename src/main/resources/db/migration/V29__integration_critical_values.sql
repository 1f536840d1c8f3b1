-- Critical-value closed loop (危急值闭环): one record per critical result, its timeline, the rules that make a
-- result critical, and who is notified per department.
create table integration_critical_values (
    id                  bigserial primary key,
    message_id          bigint       not null,
    set_id              varchar(20)  not null,
    channel             varchar(64)  not null,
    patient_id          varchar(64),
    patient_name        varchar(100),
    item_code           varchar(64)  not null,
    item_name           varchar(200),
    result_value        varchar(200),
    unit                varchar(50),
    reference_range     varchar(100),
    flag                varchar(10),
    reporting_department varchar(100),
    reporter            varchar(100),
    reported_at         timestamptz  not null,
    ordering_department varchar(100),
    ward                varchar(100),
    clinician           varchar(100),
    clinician_id        varchar(64),
    status              varchar(20)  not null,
    created_at          timestamptz  not null,
    delivered_at        timestamptz,
    acknowledged_at     timestamptz,
    acknowledged_by     varchar(100),
    handled_at          timestamptz,
    handled_by          varchar(100),
    handle_action       varchar(200),
    handle_note         varchar(2000),
    closed_at           timestamptz,
    closed_by           varchar(100),
    escalation_level    int          not null default 0,
    next_escalation_at  timestamptz,
    constraint integration_critical_values_once unique (message_id, set_id)
);
create index integration_critical_values_open on integration_critical_values (next_escalation_at)
    where status in ('REPORTED', 'DELIVERED');
create index integration_critical_values_reported on integration_critical_values (reported_at desc, id desc);

create table integration_critical_events (
    id          bigserial primary key,
    value_id    bigint       not null references integration_critical_values (id) on delete cascade,
    kind        varchar(30)  not null,
    at          timestamptz  not null,
    actor       varchar(100),
    detail      varchar(2000)
);
create index integration_critical_events_value on integration_critical_events (value_id, at, id);

-- A result of this item is critical outside [low, high] whatever its flag.
create table integration_critical_rules (
    item_code   varchar(64) primary key,
    item_name   varchar(200),
    low         numeric,
    high        numeric,
    updated_at  timestamptz not null
);

-- Per ordering department (or ward): the notify targets of its clinicians, its head, and the minutes before an
-- unacknowledged value escalates. The row of department 医务科 is the medical affairs office and the default.
create table integration_critical_departments (
    department      varchar(100) primary key,
    clinician_target varchar(200),
    head_target     varchar(200),
    ack_minutes     int not null default 10,
    updated_at      timestamptz not null
);
