-- A reopen archives the whole cycle (Ticket.Cycle): also when it started, how it was worked and the arrival.
-- Cycles archived before this migration have none of the three.
alter table ticket_cycles
    add column started_at timestamptz,
    add column work_mode  varchar(8),
    add column arrived_at timestamptz;
