-- Imaging store: one row per DICOM instance; studies and series are the instances grouped. The file itself lies
-- under the data directory, named by its SHA-256, written once and never modified.
create table imaging_instances (
    sop_instance_uid   varchar(64)  primary key,
    sop_class_uid      varchar(64)  not null default '',
    study_uid          varchar(64)  not null,
    series_uid         varchar(64)  not null,
    patient_id         varchar(64)  not null default '',
    patient_name       varchar(200) not null default '',
    patient_sex        varchar(16)  not null default '',
    patient_birth_date varchar(8)   not null default '',
    study_date         varchar(8)   not null default '',
    study_time         varchar(16)  not null default '',
    accession_number   varchar(64)  not null default '',
    study_description  varchar(200) not null default '',
    modality           varchar(16)  not null default '',
    series_number      integer,
    series_description varchar(200) not null default '',
    instance_number    integer,
    image_rows         integer      not null default 0,
    image_columns      integer      not null default 0,
    frames             integer      not null default 1,
    frames_per_second  double precision not null default 0,
    transfer_syntax    varchar(64)  not null,
    calibration        varchar(32)  not null,
    file_name          varchar(100) not null,
    file_size          bigint       not null,
    sha256             char(64)     not null,
    stored_by          varchar(100) not null,
    stored_at          timestamptz  not null default now()
);
create index imaging_instances_study on imaging_instances (study_uid);
create index imaging_instances_series on imaging_instances (series_uid);
create index imaging_instances_patient on imaging_instances (patient_id);
create index imaging_instances_date on imaging_instances (study_date desc, study_uid);
