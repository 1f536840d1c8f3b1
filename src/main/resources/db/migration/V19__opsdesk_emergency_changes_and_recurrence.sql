-- A change started outside its authorised window carries the emergency reason it was started under.
alter table opsdesk_changes add column emergency_reason varchar(1000);

-- An engineer's word on a ticket's recurrence tag: who confirmed it (or linked it by hand) and when.
alter table tickets add column recurrence_confirmed_by varchar(64);
alter table tickets add column recurrence_confirmed_at timestamptz;
