# CSO Tracker image: build the jar with Maven, run it on a JRE as a non-root user.
# Build: docker build -t cso-tracker .   Run it with docker-compose.yml (see docs/operations.md).

# Node.js only provides npm for the build: scripts/frontend.sh (run by Maven) installs bpmn-js from
# package-lock.json and packages its browser assets into the jar.
FROM node:20-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && node --version && npm --version
WORKDIR /build
# dependencies first, so a source change does not download them again
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY . .
RUN mvn -B -DskipTests package \
    && cp target/cso-tracker-*.jar /build/cso-tracker.jar

FROM eclipse-temurin:17-jre
# eclipse-temurin's Ubuntu images ship curl, which the health check uses.
RUN groupadd --system csotracker \
    && useradd --system --gid csotracker --home-dir /app --no-create-home csotracker \
    && mkdir -p /app/data \
    && chown -R csotracker:csotracker /app
WORKDIR /app
COPY --from=build --chown=csotracker:csotracker /build/cso-tracker.jar /app/cso-tracker.jar
USER csotracker
# Only used when no SPRING_DATASOURCE_URL is set (embedded PostgreSQL, Linux x86-64 only).
ENV CSOTRACKER_DATA_DIR=/app/data/postgres
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS "http://localhost:${SERVER_PORT:-8080}/actuator/health/readiness" > /dev/null || exit 1
# Memory as measured in docs/benchmarks.md (see docs/operations.md, Tuning); override JAVA_TOOL_OPTIONS for a bigger host
ENV MALLOC_ARENA_MAX=2 JAVA_TOOL_OPTIONS="-Xmx448m -XX:+UseSerialGC -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10 -XX:TrimNativeHeapInterval=5000"
ENTRYPOINT ["java", "-jar", "/app/cso-tracker.jar"]
