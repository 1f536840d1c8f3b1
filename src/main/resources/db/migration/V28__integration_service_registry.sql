-- The service registry (集成平台 → 服务注册): what each hospital system publishes (event topics such as 入院登记,
-- 危急值) or answers (request/response services such as 患者信息查询), and who subscribes to it. A topic's
-- messages are those of its publishing channel; an approved, active subscription is a destination on it.
create table integration_services (
    code            varchar(64) primary key,
    name            varchar(200) not null,
    system_code     varchar(32) not null references opsdesk_systems (code),
    kind            varchar(16) not null check (kind in ('TOPIC', 'SERVICE')),
    message_type    varchar(64),
    message_version varchar(32),
    schema_text     text,
    owner           varchar(64),
    status          varchar(16) not null check (status in ('ACTIVE', 'RETIRED')),
    channel         varchar(64),
    created_at      timestamptz not null,
    created_by      varchar(128) not null,
    updated_at      timestamptz not null,
    updated_by      varchar(128) not null
);
create index integration_services_system on integration_services (system_code, kind);

create table integration_subscriptions (
    id           bigserial primary key,
    service_code varchar(64) not null references integration_services (code),
    system_code  varchar(32) not null references opsdesk_systems (code),
    delivery     text not null,
    filter       text,
    status       varchar(16) not null check (status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'REJECTED', 'CANCELLED')),
    requested_at timestamptz not null,
    requested_by varchar(128) not null,
    decided_at   timestamptz,
    decided_by   varchar(128),
    active_since timestamptz,
    updated_at   timestamptz not null,
    updated_by   varchar(128) not null
);
create index integration_subscriptions_service on integration_subscriptions (service_code, status);
create index integration_subscriptions_system on integration_subscriptions (system_code, status);
