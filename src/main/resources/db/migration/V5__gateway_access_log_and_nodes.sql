-- One row per gateway request, partitioned by day so retention drops whole partitions.
create table access_log (
    occurred_at     timestamptz not null,
    request_id      varchar(64) not null,
    node_id         varchar(128) not null,
    channel_code    varchar(32),
    service_code    varchar(32),
    method          varchar(10) not null,
    path            varchar(2048) not null,
    status          int not null,
    error_code      varchar(40),
    upstream_status int,
    total_micros    bigint not null,
    upstream_micros bigint,
    bytes_in        bigint not null,
    bytes_out       bigint not null,
    client_ip       varchar(64),
    request_body    text,
    response_body   text
) partition by range (occurred_at);

-- Rows outside every day partition land here instead of failing; maintenance creates days ahead.
create table access_log_default partition of access_log default;

create index access_log_time on access_log (occurred_at);
create index access_log_request on access_log (request_id);
create index access_log_service_time on access_log (service_code, occurred_at);

create function access_log_ensure_day(day date) returns void language plpgsql as $$
declare
    name text := 'access_log_' || to_char(day, 'YYYYMMDD');
begin
    if to_regclass(name) is null then
        execute format('create table %I partition of access_log for values from (%L) to (%L)',
                       name, day::timestamp at time zone 'UTC', (day + 1)::timestamp at time zone 'UTC');
    end if;
end $$;

-- Gateway nodes report themselves every few seconds.
create table gateway_nodes (
    node_id        varchar(128) primary key,
    started_at     timestamptz not null,
    heartbeat_at   timestamptz not null,
    config_version bigint not null,
    breakers       jsonb not null default '{}'
);
