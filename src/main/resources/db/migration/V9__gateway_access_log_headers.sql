-- Request headers, captured (with credentials masked) only for services that capture bodies.
alter table access_log add column request_headers text;
