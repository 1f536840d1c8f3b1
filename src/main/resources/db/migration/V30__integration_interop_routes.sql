-- National interoperability interfaces (互联互通): which channel takes each HL7 v3 interaction (action) or FHIR
-- resource type, and the calls each route answered (recent calls; the patient query's index of registrations).
create table integration_interop_routes (
    route       text primary key,
    kind        text        not null check (kind in ('HL7V3', 'FHIR')),
    channel     text        not null,
    description text        not null default '',
    updated_at  timestamptz not null,
    updated_by  text        not null
);

create table integration_interop_calls (
    id          bigserial primary key,
    route       text        not null,
    called_at   timestamptz not null,
    message_id  bigint,
    outcome     text        not null,
    reason      text,
    patient_id  text
);

create index integration_interop_calls_route on integration_interop_calls (route, called_at desc);
create index integration_interop_calls_patient on integration_interop_calls (patient_id, called_at desc)
    where patient_id is not null and outcome = 'AA';
