package org.csotracker.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app in its own JVM, as a department runs it, so a test can {@code kill -9} it and start it
 * again on the same data: the embedded PostgreSQL in a data directory, or a server named by
 * {@code SPRING_DATASOURCE_URL} in {@code environment}.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "reliability-admin-password";

    private final Path log;
    private final int port;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private Process process;

    AppProcess(Path log, int port, List<String> arguments, Map<String, String> environment) {
        this.log = log;
        this.port = port;
        this.arguments = arguments;
        this.environment = environment;
    }

    /** The arguments every reliability test uses: real job executor, short job locks and timers, no demo data. */
    static List<String> commonArguments(Path workDirectory) {
        return List.of("--csotracker.demo=false", "--csotracker.admin-password=" + ADMIN_PASSWORD,
                "--csotracker.certificates.key-directory=" + workDirectory.resolve("keys"),
                "--csotracker.hiring.anonymous-applications-per-hour=1000000",
                // a job locked by a killed node is free again after 10 s
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                // the cohort's end timer fires at midnight of its last day: already due
                "--csotracker.academy.graduation-time=00:00",
                "--logging.level.root=warn", "--logging.level.org.csotracker=info");
    }

    /** Starts the app and waits until it is ready. */
    void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", org.csotracker.support.SeparateApp.classpath(), "org.csotracker.Application",
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited; see " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app did not become ready; see " + log);
    }

    /** {@code kill -9}: no shutdown hook runs, open transactions and job locks are left as they are. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The port the embedded PostgreSQL of the latest start listens on. */
    int databasePort() throws IOException {
        Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(log));
        int found = -1;
        while (m.find()) {
            found = Integer.parseInt(m.group(1));
        }
        if (found < 0) {
            throw new IllegalStateException("no embedded PostgreSQL port in " + log);
        }
        return found;
    }

    /** The log's errors and causes, the lines that tell why a start failed. */
    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log).stream()
                .filter(l -> l.contains("Caused by:") || l.contains(" ERROR ") || l.contains("FATAL") || l.contains("PANIC"))
                .map(l -> l.substring(0, Math.min(500, l.length()))).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
