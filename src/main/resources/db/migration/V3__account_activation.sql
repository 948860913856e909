-- A new CSO's login starts disabled; they choose a password through a one-time link.
alter table user_account add column activation_token varchar(64) unique;
alter table user_account add column activation_expires_at timestamptz;
