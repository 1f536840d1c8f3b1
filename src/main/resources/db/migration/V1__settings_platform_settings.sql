-- One JSON document: the platform settings record, edited as a whole on the configuration page.
create table platform_settings (
    id         int primary key check (id = 1),
    document   jsonb not null,
    updated_at timestamptz not null,
    updated_by varchar(64) not null
);
