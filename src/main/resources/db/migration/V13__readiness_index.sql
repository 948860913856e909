-- The readiness list (everyone's certification, most urgent first) pages through 100,000 rows at
-- statewide size: an index on the same expression lets PostgreSQL read a page instead of sorting all.
create function readiness_urgency(status text) returns int language sql immutable as $$
    select case status when 'LAPSED' then 0 when 'EXPIRING' then 1 when 'ACTIVE' then 2 else 3 end
$$;

create index certification_readiness on certification (readiness_urgency(status), period_end, officer_id);
