-- Saved measurements and key images of a study, optionally attached to a ticket.
create table imaging_measurements (
    id                bigserial    primary key,
    study_uid         varchar(64)  not null,
    sop_instance_uid  varchar(64)  not null references imaging_instances (sop_instance_uid),
    frame             integer      not null,
    kind              varchar(16)  not null,
    from_x            double precision,
    from_y            double precision,
    to_x              double precision,
    to_y              double precision,
    value             double precision,
    unit              varchar(8),
    calibration       varchar(32),
    note              varchar(500) not null default '',
    ticket_id         bigint,
    created_by        varchar(100) not null,
    created_at        timestamptz  not null default now()
);
create index imaging_measurements_study on imaging_measurements (study_uid, id);
