package org.csotracker.benchmark;

import java.io.File;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app in its own JVM, as a department runs it: its own embedded PostgreSQL in a data directory. */
final class AppUnderTest implements AutoCloseable {

    /** The JVM's memory settings, as in the Dockerfile (docs/operations.md, Tuning, says why). */
    static final List<String> MEMORY = List.of("-Xmx448m", "-XX:+UseSerialGC", "-XX:MaxHeapFreeRatio=30",
            "-XX:MinHeapFreeRatio=10", "-XX:TrimNativeHeapInterval=5000");

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private final List<String> extraArgs;
    private Process process;

    AppUnderTest(Path dataDirectory, List<String> extraArgs) throws IOException {
        this.dataDirectory = dataDirectory;
        this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        this.port = freePort();
        this.extraArgs = extraArgs;
    }

    /** Starts the app and waits until it is ready; returns the seconds it took. */
    double start() throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", org.csotracker.support.SeparateApp.classpath(), "org.csotracker.Application",
                "--server.port=" + port, "--csotracker.demo=false", "--csotracker.admin-password=" + Benchmarks.ADMIN_PASSWORD,
                "--csotracker.embedded-database.data-directory=" + dataDirectory, "--logging.level.root=warn",
                "--logging.level.org.csotracker=info"));
        command.addAll(1, MEMORY);
        // -Dbenchmark.jvm-options="-XX:StartFlightRecording=..." to profile the app under load
        String jvmOptions = System.getProperty("benchmark.jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(1, List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(extraArgs);
        long begin = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc gives every thread its own malloc arena: two arenas keep the JVM's native memory small
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return (System.nanoTime() - begin) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not become ready; see " + log);
    }

    /** Resident memory of the app's JVM in MB (not counting PostgreSQL). */
    long rssMegabytes() throws IOException {
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        if (System.getProperty("benchmark.jvm-options", "").contains("NativeMemoryTracking")) {
            // where the memory is, taken after the figure (the histogram collects the heap first)
            jcmd("native-memory", "VM.native_memory", "summary");
            jcmd("heap-histogram", "GC.class_histogram");
        }
        return rss;
    }

    /** Runs a jcmd diagnostic against the app and keeps its output in target/benchmark. */
    private void jcmd(String name, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd",
                String.valueOf(process.pid())));
        args.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
            Files.write(dataDirectory.resolveSibling(name + "-" + System.currentTimeMillis() + ".txt"), jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int databasePort() throws IOException {
        Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(log));
        int found = -1;
        while (m.find()) {
            found = Integer.parseInt(m.group(1));
        }
        return found;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
