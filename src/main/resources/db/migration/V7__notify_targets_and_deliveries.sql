create table notify_targets (
    id            bigserial primary key,
    name          varchar(128) not null,
    kind          varchar(16) not null,
    address       varchar(1024) not null,
    secret_sealed text,
    enabled       boolean not null
);

create table notify_deliveries (
    id           bigserial primary key,
    target_id    bigint not null references notify_targets (id) on delete cascade,
    reference    varchar(128),
    title        varchar(512) not null,
    status       varchar(8) not null,
    attempts     int not null,
    error        varchar(1024),
    delivered_at timestamptz not null
);
create index notify_deliveries_reference on notify_deliveries (reference);
