-- Document archive (文档归档): one row per document, its content in numbered versions. A document collected from a
-- feature (an ArchiveSource) keeps that source's key, so collecting again adds a version only when the bytes change.
-- A signed document is immutable: no new version, no metadata edit.
create table records_documents (
    id           bigserial    primary key,
    source_key   varchar(200) unique,
    type         varchar(40)  not null,
    system_code  varchar(32),
    title        varchar(300) not null,
    dated_on     date         not null,
    version      integer      not null,
    signed_by    varchar(128),
    signed_at    timestamptz,
    created_at   timestamptz  not null,
    created_by   varchar(128) not null,
    updated_at   timestamptz  not null
);
create index records_documents_dated on records_documents (dated_on);
create index records_documents_type on records_documents (type, system_code);

create table records_document_versions (
    document_id   bigint       not null references records_documents (id),
    version       integer      not null,
    label         varchar(60),
    author        varchar(128),
    file_name     varchar(200) not null,
    content_type  varchar(120) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    added_at      timestamptz  not null,
    added_by      varchar(128) not null,
    primary key (document_id, version)
);

-- Optimisation projects (集成优化项目): milestones due in working days on the business calendar, each counted from
-- the completion of the one before; written extensions of the delivery agreed by both parties.
create table records_projects (
    id             bigserial     primary key,
    name           varchar(200)  not null,
    systems        jsonb         not null default '[]',
    fee            numeric(14,2) not null,
    started_on     date          not null,
    scenarios      jsonb         not null default '[]',
    notify_targets jsonb         not null default '[]',
    created_at     timestamptz   not null,
    created_by     varchar(128)  not null
);

create table records_project_milestones (
    project_id     bigint       not null references records_projects (id),
    code           varchar(20)  not null,
    due_on         date,
    completed_on   date,
    completed_by   varchar(128),
    file_name      varchar(200),
    content_type   varchar(120),
    content        bytea,
    covered        jsonb,
    reminded_due   date,
    overdue_noticed date,
    primary key (project_id, code)
);

create table records_project_extensions (
    id             bigserial    primary key,
    project_id     bigint       not null references records_projects (id),
    working_days   integer      not null,
    reason         varchar(1000) not null,
    proposed_by    varchar(128) not null,
    proposed_at    timestamptz  not null,
    agreed_by      varchar(128),
    agreed_at      timestamptz
);
