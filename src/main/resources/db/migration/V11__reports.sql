-- Reports: calendar feed links and an index for date-range reports.
-- Secret calendar feed links (a CSO's deadlines in their calendar app, which cannot sign in).
-- Only a SHA-256 hash of the random token is kept; resetting the link replaces the row.
create table calendar_feed (
    officer_id  bigint       primary key,
    token_hash  varchar(64)  not null unique,
    created_at  timestamptz  not null,
    created_by  varchar(60)  not null
);

-- reports: continuing education by completion date (hours by category over the last year, the CE export)
create index ce_record_completed_idx on ce_record (completed_on);
