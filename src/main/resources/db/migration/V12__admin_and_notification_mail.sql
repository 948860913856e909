-- Which notifications a user also gets by e-mail: ALL, REMINDERS (the default) or NONE.
alter table user_account add column notification_mail varchar(20) not null default 'REMINDERS';

-- A notification about one thing (a task, a due date) reaches each user at most once.
alter table notification add column dedupe_key varchar(200);
create unique index notification_dedupe_idx on notification (recipient, dedupe_key) where dedupe_key is not null;
