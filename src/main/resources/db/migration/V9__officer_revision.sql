-- A per-officer revision number, bumped by the database itself whenever anything an officer's
-- certification status is made of changes (officer, recruit, results, remediation, certification,
-- certificates, status history, continuing education). Readers cache an officer's status under
-- (officer, revision) and check the revision with one indexed read: exact invalidation, on every
-- node of a cluster, whichever code path (or SQL script) made the change.
-- Statement-level triggers with transition tables keep bulk loads (a million module results) fast.
create table officer_revision (
    officer_id bigint primary key,
    revision   bigint not null
);

create function touch_officers() returns trigger language plpgsql as $$
begin
    -- sorted, so concurrent bulk statements lock revision rows in the same order (no deadlocks)
    insert into cso.officer_revision (officer_id, revision)
    select distinct officer_id, 1 from changed order by officer_id
    on conflict (officer_id) do update set revision = cso.officer_revision.revision + 1;
    return null;
end $$;

create function touch_officers_by_id() returns trigger language plpgsql as $$
begin
    insert into cso.officer_revision (officer_id, revision)
    select distinct id, 1 from changed order by id
    on conflict (officer_id) do update set revision = cso.officer_revision.revision + 1;
    return null;
end $$;

create function touch_officers_by_certification() returns trigger language plpgsql as $$
begin
    insert into cso.officer_revision (officer_id, revision)
    select distinct c.officer_id, 1 from changed x join cso.certification c on c.id = x.certification_id
    order by c.officer_id
    on conflict (officer_id) do update set revision = cso.officer_revision.revision + 1;
    return null;
end $$;

create function touch_officers_by_cohort() returns trigger language plpgsql as $$
begin
    insert into cso.officer_revision (officer_id, revision)
    select distinct r.officer_id, 1 from changed x join cso.recruit r on r.cohort_id = x.id
    order by r.officer_id
    on conflict (officer_id) do update set revision = cso.officer_revision.revision + 1;
    return null;
end $$;

-- Transition tables allow one event per trigger: three triggers per table.
do $$
declare
    t record;
    op text;
begin
    for t in select * from (values
            ('officer', 'touch_officers_by_id'),
            ('recruit', 'touch_officers'),
            ('module_result', 'touch_officers'),
            ('remediation', 'touch_officers'),
            ('certification', 'touch_officers'),
            ('certificate', 'touch_officers'),
            ('ce_record', 'touch_officers'),
            ('certification_status_change', 'touch_officers_by_certification'),
            ('cohort', 'touch_officers_by_cohort')) as v(tab, fn)
    loop
        foreach op in array array['insert', 'update', 'delete'] loop
            execute format('create trigger %I after %s on cso.%I referencing %s table as changed '
                           || 'for each statement execute function cso.%I()',
                           t.tab || '_touch_' || op, op, t.tab,
                           case op when 'delete' then 'old' else 'new' end, t.fn);
        end loop;
    end loop;
end $$;

insert into officer_revision (officer_id, revision) select id, 1 from officer;
