package org.csotracker.benchmark;

/** The hand-written part of docs/benchmarks.md: how the suite works and where time goes. */
final class Analysis {

    static final String TEXT = """

            ## How each figure is measured

            - **Hiring steps**: 16 client threads each apply for candidates and complete screening, background check,
              interview, union vetting, offer and offer response through the REST API with HTTP Basic (7 calls per
              candidate). Baseline (a) runs the same `processes/hiring.bpmn` on a bare Camunda engine (standalone
              configuration, same PostgreSQL server, its own database, history level full) through the Java API with
              no-op listeners and delegates, with the same 16 threads.
            - **pgbench** (baseline b): `pgbench -N -c 16 -j 2 -T 10` against the app's embedded PostgreSQL.
            - **Bulk results**: 1,000 hired officers in 5 cohorts of 200 (enrollment not timed), then a module's results
              for a cohort per call (`POST /api/cohorts/{id}/results`), 7 modules × 5 cohorts; each row completes the
              recruit's BPMN step, all rows of a call in one transaction.
            - **Reads**: 32 clients, each with its own signed-in session (a CSO each for "my certification"; HR for the
              board); verification anonymous. The rate limit of the public endpoints is raised for the run.
            - **Certificates** (baseline c): rendered in-process on 2 threads; the plain figure is the same page drawn
              with PDFBox without PDF/A metadata and without the signature.
            - **Footprint**: RSS from `/proc/<pid>/status` of the app's JVM (`-Xmx768m`); the restart is timed from
              process start to `/actuator/health/readiness` = UP; growth is `pg_database_size` before and after 100
              complete hiring lifecycles (history kept: cleanup removes it only after its time to live).
            """;

    private Analysis() {
    }
}
