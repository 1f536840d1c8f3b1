-- Files a developer adds to an access application (a data-flow diagram, a security statement, a log).
create table access_application_attachments (
    id             bigserial primary key,
    application_id bigint       not null references access_applications (id) on delete cascade,
    filename       varchar(256) not null,
    content_type   varchar(128) not null,
    size_bytes     integer      not null,
    content        bytea        not null,
    uploaded_at    timestamptz  not null,
    uploaded_by    varchar(64)  not null
);
create index access_application_attachments_application on access_application_attachments (application_id, id);
