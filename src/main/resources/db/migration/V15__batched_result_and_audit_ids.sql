-- Hibernate takes the ids of module results and audit events from these sequences in blocks of 50
-- (pooled optimizer: each nextval reserves the 50 ids up to it), so it knows the ids before it
-- inserts and can send a bulk call's rows as JDBC batches instead of one round trip per row.
-- Plain SQL inserts (the data generator) still take nextval by default and never collide with a block.
-- The first nextval after this returns the highest id + 50: its block (max + 1 .. max + 50) is free.
-- Identity columns become plain sequences because Hibernate's schema validation sees only those.
alter table module_result alter column id drop identity;
create sequence module_result_id_seq increment by 50 owned by module_result.id;
select setval('module_result_id_seq', coalesce(max(id), 0) + 50, false) from module_result;
alter table module_result alter column id set default nextval('module_result_id_seq');

alter table audit_event alter column id drop identity;
create sequence audit_event_id_seq increment by 50 owned by audit_event.id;
select setval('audit_event_id_seq', coalesce(max(id), 0) + 50, false) from audit_event;
alter table audit_event alter column id set default nextval('audit_event_id_seq');
