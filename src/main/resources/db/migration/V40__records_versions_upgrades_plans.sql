-- Versions in use per system (版本管理) and the documents that belong to a version.
create table records_versions (
    id            bigserial primary key,
    system_code   varchar(32) not null references opsdesk_systems (code),
    version       varchar(64) not null,
    installed_on  date not null,
    installed_by  varchar(128) not null,
    release_notes text,
    change_id     bigint,
    upgrade_id    bigint,
    recorded_by   varchar(64) not null,
    recorded_at   timestamptz not null,
    constraint records_versions_unique unique (system_code, version)
);
create index records_versions_system on records_versions (system_code, installed_on desc, id desc);

create table records_version_documents (
    id           bigserial primary key,
    version_id   bigint not null references records_versions (id),
    kind         varchar(32) not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea not null,
    size_bytes   bigint not null,
    sha256       char(64) not null,
    uploaded_by  varchar(64) not null,
    uploaded_at  timestamptz not null
);
create index records_version_documents_version on records_version_documents (version_id);
create index records_version_documents_at on records_version_documents (uploaded_at);

-- Upgrades (产品升级): a change with the assessment report and the upgrade plan the hospital agrees to first.
create table records_upgrades (
    id                  bigserial primary key,
    change_id           bigint not null unique,
    system_code         varchar(32) not null references opsdesk_systems (code),
    title               varchar(200) not null,
    from_version        varchar(64),
    target_version      varchar(64) not null,
    status              varchar(16) not null,
    created_by          varchar(64) not null,
    created_at          timestamptz not null,
    assessment_reason   text not null,
    assessment_risks    text not null,
    assessment_impact   text not null,
    assessment_revision int not null,
    assessment_state    varchar(16) not null,
    assessment_at       timestamptz not null,
    assessment_by       varchar(64) not null,
    plan_steps          text not null,
    plan_rollback       text not null,
    plan_tests          text not null,
    plan_window         text not null,
    plan_revision       int not null,
    plan_state          varchar(16) not null,
    plan_at             timestamptz not null,
    plan_by             varchar(64) not null,
    completed_at        timestamptz,
    version_id          bigint references records_versions (id)
);
create index records_upgrades_system on records_upgrades (system_code, created_at desc);

-- Every submission, agreement and sending back of an upgrade's two documents: the agreement's history.
create table records_upgrade_decisions (
    id          bigserial primary key,
    upgrade_id  bigint not null references records_upgrades (id),
    document    varchar(16) not null,
    revision    int not null,
    decision    varchar(16) not null,
    by_user     varchar(64) not null,
    signer_name varchar(64),
    reason      text,
    at          timestamptz not null
);
create index records_upgrade_decisions_upgrade on records_upgrade_decisions (upgrade_id, at);

-- Emergency plans (应急预案), their yearly reviews and drills.
create table records_emergency_plans (
    id          bigserial primary key,
    title       varchar(200) not null,
    scenario    varchar(32) not null,
    system_code varchar(32) references opsdesk_systems (code),
    contacts    text not null,
    steps       text not null,
    fallback    text not null,
    rto_minutes int not null,
    rpo_minutes int not null,
    revision    int not null,
    reviewed_on date,
    review_due  date not null,
    created_by  varchar(64) not null,
    created_at  timestamptz not null,
    updated_by  varchar(64) not null,
    updated_at  timestamptz not null,
    constraint records_emergency_plans_targets check (rto_minutes > 0 and rpo_minutes >= 0)
);

create table records_plan_reviews (
    id          bigserial primary key,
    plan_id     bigint not null references records_emergency_plans (id),
    reviewed_on date not null,
    reviewed_by varchar(64) not null,
    notes       text,
    next_due    date not null,
    recorded_at timestamptz not null
);
create index records_plan_reviews_plan on records_plan_reviews (plan_id, reviewed_on desc);

create table records_drills (
    id             bigserial primary key,
    plan_id        bigint not null references records_emergency_plans (id),
    held_on        date not null,
    scenario       text not null,
    participants   text not null,
    findings       text not null,
    follow_up      text not null,
    recovery_minutes int,
    recorded_by    varchar(64) not null,
    recorded_at    timestamptz not null
);
create index records_drills_plan on records_drills (plan_id, held_on desc);
create index records_drills_held on records_drills (held_on);
