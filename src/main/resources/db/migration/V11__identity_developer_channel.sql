-- A developer account belongs to exactly one channel and sees only that channel.
alter table users add column channel_code varchar(32);
