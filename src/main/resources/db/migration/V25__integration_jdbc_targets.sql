-- Registered JDBC targets (集成平台 → 数据库目标): the LIS/EMR databases the database reader polls and the
-- database writer inserts into. The password is sealed (AES-GCM, shared.Secrets) and never returned.
create table integration_jdbc_targets (
    code            varchar(64) primary key,
    name            varchar(200) not null,
    url             varchar(1000) not null,
    username        varchar(200),
    sealed_password text,
    updated_at      timestamptz not null,
    updated_by      varchar(128) not null
);
