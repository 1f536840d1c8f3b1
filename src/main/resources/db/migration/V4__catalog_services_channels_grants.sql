-- Services and channel profiles are documents: the gateway reads them whole, the console edits them whole.
create table gateway_services (
    code       varchar(32) primary key,
    document   jsonb not null,
    updated_at timestamptz not null
);

create table gateway_channels (
    code                 varchar(32) primary key,
    profile              jsonb not null,
    app_key              varchar(64) not null unique,
    secret_sealed        text,
    previous_sealed      text,
    previous_valid_until timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

create table gateway_grants (
    channel_code varchar(32) not null references gateway_channels (code) on delete cascade,
    service_code varchar(32) not null references gateway_services (code) on delete cascade,
    granted_at   timestamptz not null,
    granted_by   varchar(64) not null,
    primary key (channel_code, service_code)
);

-- One number that every catalog change increases; nodes report the version they serve.
create table gateway_config_version (
    id      int primary key check (id = 1),
    version bigint not null
);
insert into gateway_config_version (id, version) values (1, 1);
