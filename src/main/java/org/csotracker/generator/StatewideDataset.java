package org.csotracker.generator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a statewide-sized dataset straight into the domain tables with set-based SQL
 * ({@code generate_series}), so 100,000 officers and a million results take seconds, not hours.
 * Generated records have no process instances and certificates have no PDF file: the dataset is for
 * reading (boards, status pages, verification) at scale. Every generated login has the same password.
 */
@Component
public class StatewideDataset {

    private static final Logger log = LoggerFactory.getLogger(StatewideDataset.class);

    /** How much to generate. */
    public record Scale(int officers, int candidates, int moduleResults, int ceRecords, int certificates) {
        public static final Scale STATEWIDE = new Scale(100_000, 50_000, 1_000_000, 300_000, 200_000);

        public static Scale of(double factor) {
            return new Scale((int) (STATEWIDE.officers * factor), (int) (STATEWIDE.candidates * factor),
                    (int) (STATEWIDE.moduleResults * factor), (int) (STATEWIDE.ceRecords * factor),
                    (int) (STATEWIDE.certificates * factor));
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;

    StatewideDataset(JdbcTemplate jdbc, TransactionTemplate transaction, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.passwords = passwords;
    }

    /** Generates the dataset; returns how long each part took. Officers are numbered after any that exist. */
    public Map<String, Duration> generate(Scale scale, String password) {
        Map<String, Duration> took = new LinkedHashMap<>();
        String hash = passwords.encode(password);
        long base = jdbc.queryForObject("select coalesce(max(id), 0) from cso.officer", Long.class);
        time(took, "supervisors and cohorts", () -> supervisorsAndCohorts(scale, hash, base));
        time(took, "officers and logins", () -> officers(scale, hash, base));
        time(took, "module results", () -> moduleResults(scale, base));
        time(took, "continuing education", () -> continuingEducation(scale, base));
        time(took, "certifications and certificates", () -> certificates(scale, base));
        time(took, "candidates", () -> candidates(scale));
        time(took, "analyze", () -> jdbc.execute("analyze"));
        log.info("Generated {} in {}", scale, took);
        return took;
    }

    private void time(Map<String, Duration> took, String part, Runnable work) {
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> work.run());
        took.put(part, Duration.ofNanos(System.nanoTime() - start));
    }

    private void supervisorsAndCohorts(Scale scale, String hash, long base) {
        int supervisors = Math.max(1, scale.officers() / 200);
        jdbc.update("""
                insert into cso.user_account (username, password_hash, display_name, email, enabled, created_at)
                select 'gen-sup-' || (? + g), ?, 'Sgt. Generated ' || (? + g), 'gen-sup-' || (? + g) || '@example.org', true, now()
                from generate_series(1, ?) g""", base, hash, base, base, supervisors);
        jdbc.update("""
                insert into cso.user_role (user_id, role)
                select id, 'SUPERVISOR' from cso.user_account where username like 'gen-sup-%'
                on conflict do nothing""");
        jdbc.update("""
                insert into cso.cohort (name, start_date, end_date, capacity, coordinator, location, created_at)
                select 'Generated cohort ' || (? + g), d, d + 55, 30, 'coordinator', 'Regional training center', now()
                from generate_series(1, ?) g, lateral (select current_date - (g * 7) as d) s""",
                base, Math.max(1, scale.officers() / 30));
    }

    private void officers(Scale scale, String hash, long base) {
        int supervisors = Math.max(1, scale.officers() / 200);
        jdbc.update("""
                insert into cso.officer (employee_number, first_name, last_name, email, phone, district, program_component,
                                         shift_pattern, supervisor, status, hired_on, created_at)
                select 'GEN-' || lpad((? + g)::text, 7, '0'),
                       (array['Ana','Ben','Chen','Dara','Eli','Fatima','Gus','Hana','Ivan','Jada','Kai','Lena','Malik','Nora','Omar','Priya'])[1 + g % 16],
                       (array['Garcia','Nguyen','Smith','Okafor','Kim','Hassan','Johnson','Lopez','Tran','Brown','Patel','Ramirez'])[1 + g % 12] || ' ' || g,
                       'gen' || (? + g) || '@example.org', null,
                       (array['North','East','South','West','Southwest'])[1 + g % 5],
                       (array['COMMUNITY_ENGAGEMENT','SYSTEM_NAVIGATOR','YOUTH_SERVICES'])[1 + g % 3],
                       (array['MON_FRI_DAY','MON_FRI_LATE','TUE_SAT_DAY','TUE_SAT_LATE'])[1 + g % 4],
                       'gen-sup-' || (? + 1 + g % ?), 'CERTIFIED', current_date - (g % 1500), now()
                from generate_series(1, ?) g""", base, base, base, supervisors, scale.officers());
        jdbc.update("""
                insert into cso.user_account (username, password_hash, display_name, email, enabled, officer_id, created_at)
                select 'gen-cso-' || substr(employee_number, 5)::int, ?, first_name || ' ' || last_name, email, true, id, now()
                from cso.officer where employee_number like 'GEN-%' and id > ?""", hash, base);
        jdbc.update("""
                insert into cso.user_role (user_id, role)
                select u.id, 'CSO' from cso.user_account u where u.username like 'gen-cso-%' on conflict do nothing""");
    }

    private void moduleResults(Scale scale, long base) {
        // every officer takes every module once; a share fail first and pass the retake
        int perOfficer = Math.max(1, scale.moduleResults() / Math.max(1, scale.officers()));
        jdbc.update("""
                insert into cso.recruit (officer_id, cohort_id, status, enrolled_at, ended_at)
                select o.id, (select min(id) from cso.cohort where name like 'Generated cohort %') + (o.id - ?) % greatest(1, ? / 30),
                       'COMPLETED', now(), now()
                from cso.officer o where o.id > ?""", base, scale.officers(), base);
        jdbc.update("""
                insert into cso.module_result (officer_id, cohort_id, module_id, module_code, attempt, hours_attended, score,
                                               practical_passed, passed, instructor, assessed_on, notes, recorded_by, recorded_at)
                select r.officer_id, r.cohort_id, m.id, m.code, a.attempt, m.hours,
                       case when a.attempt = 1 and a.retake then 50 + (r.officer_id % 20) else 75 + (r.officer_id % 25) end,
                       true, not (a.attempt = 1 and a.retake), 'Generated instructor', current_date - (r.officer_id % 1500)::int,
                       null, 'generator', now()
                from cso.recruit r
                join cso.training_module m on m.version = 1
                cross join lateral (select (r.officer_id + length(m.code)) % 10 < ? as retake) f
                cross join lateral (select 1 as attempt, f.retake union all select 2, f.retake where f.retake) a
                where r.officer_id > ?""", Math.max(0, Math.min(10, (perOfficer - 7) * 10 / 7)), base);
    }

    private void continuingEducation(Scale scale, long base) {
        int perOfficer = Math.max(1, scale.ceRecords() / Math.max(1, scale.officers()));
        jdbc.update("""
                insert into cso.ce_record (officer_id, category, title, provider, hours, completed_on, status, source,
                                           recorded_by, recorded_at)
                select o.id, (array['MIDYEAR_PROGRAM','DE_ESCALATION_REFRESHER','ELECTIVE'])[1 + n % 3],
                       'Generated course ' || n, 'Regional training center', 8, current_date - (n * 40 + o.id % 30)::int,
                       'APPROVED', 'RECORDED', 'generator', now()
                from cso.officer o cross join generate_series(1, ?) n where o.id > ?""", perOfficer, base);
    }

    private void certificates(Scale scale, long base) {
        int perOfficer = Math.max(1, scale.certificates() / Math.max(1, scale.officers()));
        jdbc.update("""
                insert into cso.certification (officer_id, status, status_since, period_number, period_start, period_end,
                                               grace_until, certified_on, cohort_name)
                select o.id, case when o.id % 50 = 0 then 'LAPSED' when o.id % 9 = 0 then 'EXPIRING' when o.id % 97 = 0
                             then 'REVOKED' else 'ACTIVE' end, now(), ?, s.start, s.start + interval '24 months',
                       s.start + interval '24 months' + interval '30 days', s.start - interval '24 months' * (? - 1), 'Generated cohort'
                from cso.officer o, lateral (select (current_date - (o.id % 700)::int) as start) s where o.id > ?""",
                perOfficer, perOfficer, base);
        jdbc.update("""
                insert into cso.certificate (number, certification_id, officer_id, kind, holder_name, period_start, period_end,
                                             issued_at, sha256, size_bytes)
                select 'GEN-' || c.officer_id || '-' || p, c.id, c.officer_id,
                       case when p = 1 then 'ACADEMY_COMPLETION' else 'RENEWAL' end, o.first_name || ' ' || o.last_name,
                       c.period_start - interval '24 months' * (c.period_number - p),
                       c.period_end - interval '24 months' * (c.period_number - p), now(), md5(c.id || '-' || p) || md5(p || '-' || c.id), 40000
                from cso.certification c join cso.officer o on o.id = c.officer_id
                cross join generate_series(1, ?) p where c.officer_id > ?""", perOfficer, base);
    }

    private void candidates(Scale scale) {
        jdbc.update("""
                insert into cso.candidate (first_name, last_name, email, phone, languages, language_count,
                    community_engagement_years, crisis_experience_years, education, age_eligible, work_authorized,
                    district_preference, statement, preferred_language, consented_at, source, applied_at, stage,
                    stage_entered_at, due_at, desired_score, meets_minimum, closed_at, closed_at_stage, rejection_reason)
                select (array['Alex','Bea','Cruz','Dev','Esme','Finn','Gia','Hugo','Iris','Jon'])[1 + g % 10],
                       'Applicant ' || g, 'applicant' || g || '.' || extract(epoch from now())::bigint || '@example.org', null,
                       case when g % 3 = 0 then 'English, Spanish' else 'English' end, 1 + (g % 3 = 0)::int,
                       g % 6, g % 4, 'HIGH_SCHOOL', true, true, (array['North','East','South','West','Southwest'])[1 + g % 5],
                       'Generated application', 'en', now(), 'WEB', now() - (g % 400) * interval '1 day', st.stage,
                       now() - (g % 60) * interval '1 day', case when st.stage = 'BACKGROUND_CHECK' then now() + (14 - g % 30) * interval '1 day' end,
                       g % 12, true,
                       case when st.closed then now() end, case when st.closed then 'SCREENING' end,
                       case when st.stage = 'REJECTED' then 'STRONGER_CANDIDATES' end
                from generate_series(1, ?) g,
                     lateral (select (array['SCREENING','BACKGROUND_CHECK','INTERVIEW','UNION_VETTING','UNION_OBJECTION',
                                            'OFFER','OFFER_EXTENDED','HIRED','REJECTED','WITHDRAWN','OFFER_DECLINED','OFFER_EXPIRED'])[1 + g % 12] as stage) s0,
                     lateral (select s0.stage, s0.stage in ('HIRED','REJECTED','WITHDRAWN','OFFER_DECLINED','OFFER_EXPIRED') as closed) st""",
                scale.candidates());
        jdbc.update("""
                insert into cso.candidate_stage (candidate_id, stage, entered_at, left_at)
                select id, 'SCREENING', applied_at, case when stage <> 'SCREENING' then stage_entered_at end
                from cso.candidate where statement = 'Generated application'""");
    }
}
