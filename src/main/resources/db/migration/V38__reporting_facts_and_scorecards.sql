-- Reporting (#16): the service facts the vendor is paid by, contracts with their scorecard items, bands and
-- payment milestones, and the quarterly scorecards (服务考核表) with their deductions.

create table reporting_calls (
    id          bigserial primary key,
    called_at   timestamptz not null,
    caller      varchar(100) not null,
    department  varchar(100),
    channel     varchar(16) not null,
    answered    boolean not null,
    ticket_id   bigint,
    summary     varchar(1000),
    by_hospital boolean not null,
    logged_by   varchar(64) not null,
    logged_at   timestamptz not null
);
create index reporting_calls_at on reporting_calls (called_at desc);

create table reporting_visits (
    id           bigserial primary key,
    visited_on   date not null,
    visitor      varchar(100) not null,
    department   varchar(100) not null,
    findings     varchar(2000) not null,
    satisfaction int not null check (satisfaction between 1 and 5),
    follow_up    varchar(2000),
    logged_by    varchar(64) not null,
    logged_at    timestamptz not null
);

create table reporting_trainings (
    id         bigserial primary key,
    held_on    date not null,
    topic      varchar(200) not null,
    audience   varchar(200) not null,
    hours      numeric(5, 1) not null check (hours > 0),
    attendees  int not null check (attendees >= 0),
    materials  varchar(1000),
    logged_by  varchar(64) not null,
    logged_at  timestamptz not null
);

create table reporting_incidents (
    id            bigserial primary key,
    occurred_on   date not null,
    kind          varchar(24) not null,
    department    varchar(100) not null,
    summary       varchar(2000) not null,
    points        numeric(5, 1),
    entered_by    varchar(64) not null,
    entered_at    timestamptz not null
);

create table reporting_incident_evidence (
    id           bigserial primary key,
    incident_id  bigint not null references reporting_incidents (id) on delete cascade,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   int not null,
    content      bytea not null,
    uploaded_by  varchar(64) not null,
    uploaded_at  timestamptz not null
);

create table reporting_extractions (
    id                bigserial primary key,
    requested_at      timestamptz not null,
    requester         varchar(100) not null,
    department        varchar(100) not null,
    subject           varchar(1000) not null,
    due_on            date not null,
    delivered_at      timestamptz,
    file_name         varchar(200),
    file_type         varchar(100),
    file_content      bytea,
    accuracy_percent  numeric(5, 2),
    accurate          boolean,
    confirmed_by      varchar(100),
    confirmed_at      timestamptz,
    logged_by         varchar(64) not null
);

-- Backup checks that failed in inspection rounds (from inspection's CheckFailing events): item 4's evidence.
create table reporting_backup_failures (
    id         bigserial primary key,
    round_id   bigint not null,
    target     varchar(200) not null,
    check_code varchar(64) not null,
    value      varchar(500),
    failed_at  timestamptz not null,
    unique (round_id, target, check_code)
);

create table reporting_contracts (
    id          bigserial primary key,
    year        int not null unique,
    name        varchar(200) not null,
    vendor      varchar(200) not null,
    starts_on   date not null,
    ends_on     date not null,
    fee         numeric(14, 2) not null check (fee >= 0),
    band_basis  varchar(16) not null,
    created_at  timestamptz not null,
    check (ends_on > starts_on)
);

create table reporting_contract_items (
    contract_id    bigint not null references reporting_contracts (id) on delete cascade,
    position       int not null,
    code           varchar(24) not null,
    name           varchar(100) not null,
    criteria       varchar(1000) not null,
    max_points     int not null check (max_points >= 0),
    deduction_only boolean not null,
    primary key (contract_id, code)
);

create table reporting_contract_bands (
    contract_id     bigint not null references reporting_contracts (id) on delete cascade,
    min_score       numeric(5, 1) not null,
    payment_percent int not null check (payment_percent between 0 and 100),
    failing         boolean not null,
    primary key (contract_id, min_score)
);

create table reporting_milestones (
    id                  bigserial primary key,
    contract_id         bigint not null references reporting_contracts (id) on delete cascade,
    position            int not null,
    name                varchar(200) not null,
    due_on              date,
    service_percent     int check (service_percent between 0 and 100),
    share_percent       numeric(5, 2) not null check (share_percent > 0 and share_percent <= 100),
    required_records    varchar(1000) not null,
    final_payment       boolean not null,
    invoice_received_on date,
    paid_on             date,
    paid_amount         numeric(14, 2)
);

create table reporting_scorecards (
    id            bigserial primary key,
    contract_id   bigint not null references reporting_contracts (id),
    quarter       varchar(7) not null unique,
    status        varchar(8) not null,
    created_by    varchar(64) not null,
    created_at    timestamptz not null,
    finalized_by  varchar(64),
    signer_name   varchar(64),
    finalized_at  timestamptz,
    signed_content text,
    hash          varchar(64)
);

create table reporting_scorecard_items (
    scorecard_id   bigint not null references reporting_scorecards (id) on delete cascade,
    position       int not null,
    code           varchar(24) not null,
    name           varchar(100) not null,
    max_points     int not null,
    deduction_only boolean not null,
    primary key (scorecard_id, code)
);

create table reporting_deductions (
    id            bigserial primary key,
    scorecard_id  bigint not null references reporting_scorecards (id) on delete cascade,
    item_code     varchar(24) not null,
    rule          varchar(24) not null,
    points        numeric(5, 1) not null check (points >= 0),
    text          varchar(500) not null,
    evidence      varchar(300),
    fails_quarter boolean not null default false,
    added_by      varchar(64),
    reason        varchar(500),
    struck        boolean not null default false,
    struck_reason varchar(500),
    struck_by     varchar(64),
    struck_at     timestamptz
);
create index reporting_deductions_card on reporting_deductions (scorecard_id, id);
