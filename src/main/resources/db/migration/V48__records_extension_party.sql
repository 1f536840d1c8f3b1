-- Either party proposes an extension of a project's delivery, and only the other party agrees to it: the party
-- is kept with the proposal. Extensions proposed so far were the vendor's (only it could propose them).
alter table records_project_extensions
    add column proposed_by_party varchar(16) not null default 'VENDOR'
        check (proposed_by_party in ('VENDOR', 'HOSPITAL'));
alter table records_project_extensions alter column proposed_by_party drop default;
