-- Electronic signatures (电子签名): the built-in MedOps CA (SM2 root, created on first use), the signers' SM2 keys
-- and certificates (one per person), and the signed PDFs. Private keys are PKCS#8 sealed by shared.Secrets.
create table signature_authority (
    id                 int         primary key check (id = 1),
    certificate        text        not null,
    sealed_private_key text        not null,
    created_at         timestamptz not null
);

create table signature_signers (
    username           varchar(128) primary key,
    name               varchar(200) not null,
    serial             varchar(64)  not null unique,
    certificate        text         not null,
    sealed_private_key text         not null,
    issued_at          timestamptz  not null
);

create table signature_documents (
    id                 bigserial    primary key,
    document_type      varchar(64)  not null,
    document_ref       varchar(128) not null,
    signer             varchar(128) not null,
    signer_name        varchar(200) not null,
    certificate_serial varchar(64)  not null,
    signed_at          timestamptz  not null,
    pdf                bytea        not null,
    unique (document_type, document_ref)
);
create index signature_documents_signed_at on signature_documents (signed_at desc, id desc);

insert into crypto_sealed_columns(table_name, column_name) values
    ('signature_authority', 'sealed_private_key'),
    ('signature_signers', 'sealed_private_key');
