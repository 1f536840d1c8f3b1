-- The vendor's released versions per system (seed 002: keep the hospital on the latest version): what "on the
-- latest version" is measured against, beside the versions installed.
create table records_version_releases (
    id          bigserial     primary key,
    system_code varchar(32)   not null,
    version     varchar(64)   not null,
    released_on date          not null,
    notes       varchar(2000),
    recorded_by varchar(128)  not null,
    recorded_at timestamptz   not null,
    unique (system_code, version)
);
create index records_version_releases_latest on records_version_releases (system_code, released_on desc, id desc);
