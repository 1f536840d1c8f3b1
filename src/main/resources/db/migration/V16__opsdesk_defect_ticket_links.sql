-- Defects link to the tickets that revealed them; the tickets table and the defects arrived separately.
alter table defect_tickets add constraint defect_tickets_ticket foreign key (ticket_id) references tickets (id);
