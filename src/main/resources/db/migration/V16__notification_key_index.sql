-- A notice to a role looks up who already has it by its key alone (Notifications.notifyRole, on
-- every new task): without this index that lookup read the whole notification table each time.
create index notification_key_idx on notification (dedupe_key) where dedupe_key is not null;
