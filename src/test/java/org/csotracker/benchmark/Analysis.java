package org.csotracker.benchmark;

/** The hand-written part of docs/benchmarks.md: how the suite works and where time goes. */
final class Analysis {

    static final String TEXT = """

            ## How each figure is measured

            The load comes from a separate JVM on loopback (the benchmark's own Java HTTP client; the app runs as
            a department runs it, `java … org.csotracker.Application` on its embedded PostgreSQL). Every load
            phase is bounded in time: it stops after 180 s (`-Dbenchmark.phase-seconds`) and reports what it did.

            - **Hiring steps**: 16 client threads each apply for candidates and complete screening, background check,
              interview, union vetting, offer and offer response through the REST API with HTTP Basic (7 calls per
              candidate). Baseline (a) runs the same `processes/hiring.bpmn` on a bare Camunda engine (standalone
              configuration, same PostgreSQL server, its own database, the app's history level `audit`; the hire step's async job is not run) through the Java API with
              no-op listeners and delegates, with the same 16 threads.
            - **pgbench** (baseline b): `pgbench -N -c 16 -j 2 -T 10` against the app's embedded PostgreSQL.
            - **Bulk results**: 1,000 hired officers in 5 cohorts of 200 (enrollment not timed), then a module's results
              for a cohort per call (`POST /api/cohorts/{id}/results`), 7 modules × 5 cohorts; each row completes the
              recruit's BPMN step, all rows of a call in one transaction.
            - **Reads**: 32 clients, each with its own signed-in session (a CSO each for "my certification"; HR for the
              board); verification anonymous. The rate limit of the public endpoints is raised for the run.
            - **Certificates** (baseline c): rendered in-process on 2 threads; the plain figure is the same page drawn
              with PDFBox without PDF/A metadata and without the signature.
            - **Footprint**: RSS from `/proc/<pid>/status` of the app's JVM (`-Xmx448m -XX:+UseSerialGC`, `MALLOC_ARENA_MAX=2`); the restart is timed from
              process start to `/actuator/health/readiness` = UP; growth is `pg_database_size` before and after 100
              complete hiring lifecycles (application → hired, with the officer, login and mails they create), with
              `VACUUM FULL` of the tables they write before each measurement so only live data counts. It is measured
              twice: with the process history still kept, and after the engine's history cleanup has removed it
              (the hiring definition's time to live is set to 0 days for the run through the engine REST API, then
              `POST /engine-rest/history/cleanup?immediatelyDue=true`, as the nightly cleanup window would).

            ## Where the time goes, and what was done about it

            - **Reads** are served from caches that are exact, not timed: a CSO's status and a certificate's
              verification are cached under the officer's revision, which PostgreSQL triggers bump on every change
              to the records behind them (one primary-key lookup per request); the pipeline board is computed once
              for all viewers and again after any candidate changes. Without them, "my certification" costs about
              14 statements and the board one grouped count over all candidates plus one query per column.
            - **Hiring steps**: each step is one transaction with the candidate row locked, the audit entry, the stage
              history and the engine's task completion; the answer re-reads the candidate and its history. The
              difference to the bare engine is HTTP, security, JSON and that domain work.
            - **Bulk results**: the cohort's open steps and earlier attempts are read with two queries for the whole
              call; each row then costs its insert, its audit entry and the engine's task completion.
            - **History level `audit`** instead of `full` removed a history row per variable change and per user
              operation: fewer writes per step and less growth.
            """;

    private Analysis() {
    }
}
