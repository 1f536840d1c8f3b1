-- Commercial cryptography (商用密码) as an installation option. Each audit record names the hash function that
-- chained it, so a chain that switched from SHA-256 to SM3 keeps verifying record by record; records written
-- before this migration were all SHA-256.
alter table audit_records add column hash_alg varchar(16) not null default 'SHA-256';

-- The suite the installation last ran under; a start-up with another suite re-seals every sealed secret.
create table crypto_installation (
    id         int          primary key check (id = 1),
    suite      varchar(16)  not null,
    changed_at timestamptz  not null
);

-- Every column that holds values sealed by shared.Secrets, so that re-sealing finds them all. A module that adds
-- a sealed column adds its row here in the same migration.
create table crypto_sealed_columns (
    table_name  varchar(63) not null,
    column_name varchar(63) not null,
    primary key (table_name, column_name)
);
insert into crypto_sealed_columns(table_name, column_name) values
    ('gateway_channels', 'secret_sealed'),
    ('gateway_channels', 'previous_sealed'),
    ('notify_targets', 'secret_sealed'),
    ('inspection_targets', 'sealed_secret'),
    ('integration_jdbc_targets', 'sealed_password'),
    ('integration_system_credentials', 'secret');
