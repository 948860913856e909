-- Every page shows the unread badge: count a user's unread notices from a small partial index,
-- not by visiting all their notices (HR staff collect one per new task).
create index notification_unread_idx on notification (recipient) where read_at is null;
