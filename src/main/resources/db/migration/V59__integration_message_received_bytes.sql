-- Device interfaces (设备接口日志) show the bytes the device really sent, not the decoded text encoded again: for
-- channels marked as device interfaces the intake stores the received bytes in the message's own row (one insert,
-- one commit with the message). Retention nulls them with the rest of the content.
alter table integration_messages add column raw_bytes bytea;
