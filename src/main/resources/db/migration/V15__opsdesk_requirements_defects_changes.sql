-- Requirements (需求) the hospital asks of the vendor, answered, scheduled, delivered and verified; the
-- person-days they cost count against the contract's free allowance per contract year.
create table opsdesk_requirements (
    id                bigserial primary key,
    title             varchar(200) not null,
    description       text not null,
    system_code       varchar(32) not null references opsdesk_systems (code),
    submitter         varchar(64) not null,
    contact           varchar(128),
    status            varchar(16) not null,
    submitted_by      varchar(64) not null,
    submitted_at      timestamptz not null,
    answer            text,
    answered_by       varchar(64),
    answered_at       timestamptz,
    due_date          date,
    person_days       numeric(4, 1) not null default 0,
    contract_year     int,
    planned_date      date,
    delivered_note    text,
    delivered_by      varchar(64),
    delivered_at      timestamptz,
    verified_by       varchar(64),
    verified_at       timestamptz,
    verification_note text,
    constraint opsdesk_requirements_days check (person_days >= 0)
);
create index opsdesk_requirements_status on opsdesk_requirements (status);
create index opsdesk_requirements_year on opsdesk_requirements (contract_year) where contract_year is not null;

-- Every step of a requirement, for its timeline (the audit trail keeps the tamper-evident copy).
create table opsdesk_requirement_steps (
    id             bigserial primary key,
    requirement_id bigint not null references opsdesk_requirements (id),
    at             timestamptz not null,
    by_user        varchar(64) not null,
    from_status    varchar(16),
    to_status      varchar(16) not null,
    note           text
);
create index opsdesk_requirement_steps_of on opsdesk_requirement_steps (requirement_id, at);

-- Defects (缺陷) reported to the product's R&D, with their progress notes.
create table opsdesk_defects (
    id              bigserial primary key,
    title           varchar(200) not null,
    description     text not null,
    system_code     varchar(32) not null references opsdesk_systems (code),
    severity        varchar(16) not null,
    product         varchar(128) not null,
    product_version varchar(64) not null,
    status          varchar(16) not null,
    fixed_version   varchar(64),
    reported_by     varchar(64) not null,
    reported_at     timestamptz not null,
    -- When the defect was last verified or closed; cleared when it is reopened.
    closed_at       timestamptz
);
create index opsdesk_defects_reported on opsdesk_defects (reported_at);

create table opsdesk_defect_notes (
    id          bigserial primary key,
    defect_id   bigint not null references opsdesk_defects (id),
    at          timestamptz not null,
    by_user     varchar(64) not null,
    from_status varchar(16),
    to_status   varchar(16) not null,
    note        text
);
create index opsdesk_defect_notes_of on opsdesk_defect_notes (defect_id, at);

-- The tickets table lands with another migration; its foreign key is added there.
create table defect_tickets (
    defect_id bigint not null references opsdesk_defects (id),
    ticket_id bigint not null,
    primary key (defect_id, ticket_id)
);
create index defect_tickets_ticket on defect_tickets (ticket_id);

-- Changes (变更) with the hospital's written authorization and the record of their execution.
create table opsdesk_changes (
    id                      bigserial primary key,
    title                   varchar(200) not null,
    system_code             varchar(32) not null references opsdesk_systems (code),
    environment             varchar(16) not null,
    risk                    varchar(16) not null,
    plan                    text not null,
    rollback_plan           text not null,
    planned_start           timestamptz not null,
    planned_end             timestamptz not null,
    status                  varchar(16) not null,
    requested_by            varchar(64) not null,
    requested_at            timestamptz not null,
    authorized_by           varchar(64),
    authorizer_name         varchar(64),
    authorization_statement text,
    authorized_at           timestamptz,
    started_at              timestamptz,
    finished_at             timestamptz,
    result                  varchar(16),
    execution_notes         text,
    cancelled_by            varchar(64),
    cancelled_at            timestamptz,
    cancel_reason           text,
    constraint opsdesk_changes_period check (planned_end > planned_start)
);
create index opsdesk_changes_system_period on opsdesk_changes (system_code, planned_start, planned_end);
