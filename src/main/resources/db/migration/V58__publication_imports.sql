-- Excel imports: the uploaded workbook is kept between its preview and its confirmation, so what is confirmed is
-- exactly what was previewed.
create table publication_imports (
    id          bigserial primary key,
    topic       varchar(16)  not null,
    filename    varchar(200) not null,
    content     bytea        not null,
    uploaded_by varchar(64)  not null,
    uploaded_at timestamptz  not null,
    status      varchar(16)  not null,
    drafts      int
);
