-- Rollups of the access log, maintained in the same transaction as each COPY batch, so that the
-- dashboard and statistics never scan raw rows and always agree with them.
-- latency_histogram counts calls per bucket of total latency, upper bounds in ms:
-- 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, infinity.
create table traffic_minute (
    bucket             timestamptz not null,
    service_code       varchar(32) not null,
    channel_code       varchar(32) not null,
    status_class       smallint not null,
    calls              bigint not null,
    failures           bigint not null,
    latency_sum_micros bigint not null,
    latency_max_micros bigint not null,
    latency_histogram  bigint[] not null,
    primary key (bucket, service_code, channel_code, status_class)
);

create table traffic_hour (like traffic_minute including all);

-- All-time totals per service: the dashboard's cumulative visits without summing history.
create table traffic_total (
    service_code varchar(32) primary key,
    calls        bigint not null,
    failures     bigint not null
);
