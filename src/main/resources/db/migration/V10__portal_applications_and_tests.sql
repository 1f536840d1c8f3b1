create table access_applications (
    id                    bigserial primary key,
    channel_code          varchar(32) not null references gateway_channels (code) on delete cascade,
    service_code          varchar(32) not null references gateway_services (code) on delete cascade,
    purpose               varchar(2000) not null,
    expected_daily_volume bigint,
    contact               varchar(256),
    status                varchar(16) not null,
    reason                varchar(2000),
    applicant             varchar(64) not null,
    submitted_at          timestamptz not null,
    decided_by            varchar(64),
    decided_at            timestamptz,
    revoked_by            varchar(64),
    revoked_at            timestamptz
);
create index access_applications_status on access_applications (status, submitted_at);

create table service_tests (
    id             bigserial primary key,
    username       varchar(64) not null,
    channel_code   varchar(32) not null,
    method         varchar(10) not null,
    path           varchar(2048) not null,
    query          varchar(4096),
    headers        text,
    body           text,
    status         int,
    latency_millis double precision,
    response       text,
    tested_at      timestamptz not null
);
create index service_tests_user on service_tests (username, id desc);
