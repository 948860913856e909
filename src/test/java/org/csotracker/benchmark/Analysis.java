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
              recruit's BPMN step, all rows of a call in one transaction. Measured twice per round on fresh
              recruits: as a statewide program works (each cohort's coordinator posts their cohort's 7 modules
              while the other four post theirs: the figure judged) and as one coordinator posting all 35 calls
              one after another (shown beside it).
            - **Reads**: 32 clients, each with its own signed-in session (a CSO each for "my certification"; HR for the
              board) or, for verification, its own anonymous connection. The rate limit of the public endpoints is
              raised for the run. The clients are closed-loop (the next request leaves when the last is answered).
            - **Certificates** (baseline c): rendered in-process on 2 threads; the plain figure is the same page drawn
              with PDFBox without PDF/A metadata and without the signature.
            - **Footprint**: RSS from `/proc/<pid>/status` of the app's JVM (the Dockerfile's settings: `-Xmx448m -XX:+UseSerialGC`, heap free ratios 30/10, native heap
              trimmed every 5 s, `MALLOC_ARENA_MAX=2`); the restart is timed from
              process start to `/actuator/health/readiness` = UP; growth is `pg_database_size` before and after 100
              complete hiring lifecycles (application → hired, with the officer, login and mails they create), with
              `VACUUM FULL` of the tables they write before each measurement so only live data counts. It is measured
              twice: with the process history still kept, and after the engine's history cleanup has removed it
              (the hiring definition's time to live is set to 0 days for the run through the engine REST API, then
              `POST /engine-rest/history/cleanup?immediatelyDue=true`, as the nightly cleanup window would).

            ## Profiling a phase

            `-Dbenchmark.phases=bulk` (or `hiring`, `reads`, `growth`, `start`, `certificates`, comma-separated) runs
            only those and writes `target/benchmark/benchmarks.md`, leaving this file alone;
            `-Dbenchmark.pg-statements=true` loads `pg_stat_statements` into the embedded PostgreSQL and writes the
            statements each phase spent the database's time on to `target/benchmark/pg-statements-PHASE.txt`;
            `-Dbenchmark.jvm-options="-XX:StartFlightRecording=filename=app.jfr,settings=profile"` records the app's
            JVM with Flight Recorder. The findings below came from these.

            ## Where the time goes, and what was done about it

            - **Reads** are served from caches that are exact, not timed: a CSO's status and a certificate's
              verification are cached under the officer's revision, which PostgreSQL triggers bump on every change
              to the records behind them (one primary-key lookup per request); the pipeline board is computed once
              for all viewers and again after any candidate changes, and its columns are rendered to HTML once per
              board and language and shared by every viewer (profiling showed Thymeleaf evaluating the 100+ cards
              as most of a board request). Without them, "my certification" costs about 14 statements and the
              board one grouped count over all candidates plus one query per column.
            - **Per-request overhead** found by profiling the cached reads and removed: Spring Security timing each
              filter as a Micrometer observation, method validation resolving its validator bean twice per call, an
              annotation scan per request for a controller advice, `sec:authorize` parsing eleven security
              expressions per page, a JPA transaction around the unread-notices count, and pages written to the
              response in many small pieces through the security filters' wrappers.
            - **Hiring steps**: each step is one transaction with the candidate row locked, the audit entry, the stage
              history and the engine's task completion; the answer re-reads the candidate and its history. The
              difference to the bare engine is HTTP, security, JSON and that domain work. A Flight Recorder
              profile showed Hibernate translating Spring Data's derived queries to SQL again on every call
              (about an eighth of a step's CPU); the lookups every step makes now carry JPQL `@Query` strings,
              whose plans Hibernate caches, and the criteria plan cache is on for the rest. Of the app's CPU
              per step what remains is about a third the engine (its commands and MyBatis), a fifth Hibernate
              (the candidate lock, the flush, the history read for the answer) and the rest Spring MVC,
              Security, Jackson and Tomcat.
            - **Bulk results**: the cohort's open steps and earlier attempts are read with two queries for the whole
              call, and all rows run inside one engine command (`EngineBatch`): the tasks stay in the engine's cache
              and every completion is flushed at the end in JDBC batches instead of once per row. Module results and
              audit entries take their ids from sequences in blocks of 50 (V15), so Hibernate batches their inserts
              too. Statements per row went from 28 to 14 (`QueryEfficiencyTests` counts them); results per second
              roughly doubled.
            - **Two full-table scans on every task**, found with `pg_stat_statements`: telling a role about a new task
              looked up who already had the notice by its key alone (`cso.notification`, now indexed, V16), and the
              engine looks for subtasks by `PARENT_TASK_ID_` on every task completion, which Camunda's schema does
              not index (`EngineIndexes` adds the index once the engine has built its tables). Both grow with the
              program: at statewide size they were the most expensive statements of enrollment and of every step.
              `QueryEfficiencyTests` checks both plans with `EXPLAIN`.
            - **History level `audit`** instead of `full` removed a history row per variable change and per user
              operation: fewer writes per step and less growth.

            ## What would close the gaps that remain

            - **Hiring steps vs. the bare engine.** The bare engine is called in-process; the app's steps arrive as
              HTTP requests from a client that runs on the same two cores, pass security and JSON, and do the domain
              work the bare engine skips: the candidate row lock, an audit entry, the stage history row, a notice to
              the HR group for the next task, and an answer that re-reads the candidate with its history (about 40
              statements per step against about 22). Closing the gap means doing less per step: answer a step with
              `204`/the new stage instead of the whole candidate, write the stage history from the audit entry, and
              send group notices after the commit in batches. The benchmark client's own CPU would go to another
              machine in a real department.
            - **Bulk results.** With five coordinators at once both cores are busy (about half PostgreSQL, half the
              app); one coordinator alone is bound by round trips, one statement after another. What is left per
              row is the engine's: completing the recruit's user task reads the variables of three scopes, the
              execution tree, the task's identity links and the start times of the activity and task it ends
              (about 12 statements), and the history and runtime rows it writes go out in the batch. Prefetching
              the variables' history into the command's cache saved 3 statements per row but no time (each was a
              0.03 ms primary-key read), so it was left out. Reaching 300/s on 2 cores needs a model change:
              record a cohort's module results in the domain tables in one statement batch and let each recruit's
              process move on from one message per module and cohort (a multi-instance receive), or treat a
              module as passed by data rather than by a user task.
            - **Reads.** What is left per request is HTTP, the session lookup, one primary-key query and JSON.
              `pg_stat_statements` over the read phase shows PostgreSQL nearly idle (about 0.4 s of database time for
              3,700 requests); a Flight Recorder profile of the app shows no hot spot left, the
              time spread over Tomcat, Spring MVC, Spring Security, Hibernate and Jackson. With closed-loop clients
              the p95 is about clients ÷ requests per second (see the notes), and the load generator's 32 threads
              take about a third of the two cores from the app. On a machine where the load generator has its own
              cores the 32-client figures fall well inside the targets; on one shared 2-core machine, meeting them
              means serving about twice the requests per second per core, which needs a lighter stack for these
              three endpoints (no session lookup for the public one, a pre-serialised JSON body cached with the
              revision). The board is recomputed in the background, so no viewer waits for it.
            - **Memory.** `-Dbenchmark.jvm-options=-XX:NativeMemoryTracking=summary` writes the JVM's own account
              and a class histogram next to the RSS figure (`target/benchmark/`). After the bulk and read load
              (scale 0.2) it showed: heap 387 MB committed of which about 145 MB is live after a full collection,
              metaspace 130 MB, JIT code 70 MB, symbols 32 MB, class space 23 MB, and 127 MB outside the JVM's
              account (glibc holding memory the JIT compilers and JDBC batches had freed). Trimming the native
              heap every 5 s and letting the heap shrink after a collection took RSS there from 876 MB to about
              745 MB. A smaller heap is not the way: `-Xmx384m -Xmn96m` gave full collections of 0.4 s every few
              seconds under load and doubled the read latencies. What would close the rest is fewer classes
              (metaspace): the Camunda web apps' REST stack (loaded by the engine REST calls of the growth
              phase; a department that uses neither Cockpit nor the engine REST API could leave it out) and
              FEEL's Scala runtime (the qualification rules, which could be written in JUEL instead).
            - **Start.** Most of the start is Spring and Camunda initialising (the web apps, the engine's MyBatis
              mappings, the deployment check of five resources) on two cores, with the JIT compilers taking as
              much CPU as the main thread; Hibernate now starts on a background thread (deferred repository
              bootstrap). Class-data sharing is the next step, but the JDK 17 the app runs on cannot archive
              classes from a directory on the class path, which is how the benchmark launches the app (from
              `target/classes`): it needs the benchmark to run the packaged jar, extracted with
              `java -Djarmode=tools -jar cso-tracker.jar extract` and trained once with `-XX:ArchiveClassesAtExit`,
              as a department's image would (see docs/operations.md).
            """;

    private Analysis() {
    }
}
