-- Issue #14, the registry's request/response services made callable and the interop port's callers identified.
-- A SERVICE names the publishing system's endpoint and a timeout; each call through the platform is kept (content
-- masked before it is stored) like a message.
alter table integration_services add column endpoint varchar(1000);
alter table integration_services add column timeout_ms integer check (timeout_ms between 100 and 120000);

create table integration_service_calls (
    id            bigserial primary key,
    service_code  varchar(64)  not null references integration_services (code),
    caller_system varchar(32)  not null,
    called_at     timestamptz  not null,
    duration_ms   integer      not null,
    outcome       varchar(32)  not null,
    http_status   integer,
    request_type  varchar(200),
    request_body  text,
    response_type varchar(200),
    response_body text,
    reason        varchar(500),
    called_by     varchar(128) not null
);
create index integration_service_calls_service on integration_service_calls (service_code, called_at desc);
create index integration_service_calls_caller on integration_service_calls (caller_system, called_at desc);

-- Who may call the interop port (HIPMessageServer, FHIR facade, service calls): one credential per registered
-- system, the password sealed with the platform key (a UsernameToken digest needs it), shown once when issued.
create table integration_system_credentials (
    system_code  varchar(32)  primary key references opsdesk_systems (code),
    username     varchar(64)  not null unique,
    secret       text         not null,
    issued_at    timestamptz  not null,
    issued_by    varchar(128) not null,
    last_used_at timestamptz
);

-- Which system made each interop call; the identifiers of each FHIR resource created (search by identifier).
alter table integration_interop_calls add column caller text;
create table integration_interop_identifiers (
    message_id bigint not null,
    route      text   not null,
    system     text   not null default '',
    value      text   not null
);
create index integration_interop_identifiers_value on integration_interop_identifiers (route, value);
