-- The engine now keeps history at level "audit" (see docs/operations.md, "Tuning"): our own audit
-- trail records who did what and why, so "full" (every variable change, every user operation)
-- only doubled the writes. The engine refuses to start when its configured level differs from the
-- one stored in its database, so a database made with "full" is switched here, before the engine
-- starts (Flyway runs first). A new database has no Camunda tables yet: nothing to do.
do $$
begin
    if to_regclass('public.act_ge_property') is not null then
        update public.act_ge_property set value_ = '2' where name_ = 'historyLevel' and value_ = '3';
    end if;
end $$;
