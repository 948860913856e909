package org.csotracker.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the app's own data directory.
 *
 * <p>Zonky's {@code epg-lock} file inside the data directory is held for as long as the owning JVM
 * lives. That tells apart the two situations a start can meet:
 * <ul>
 *   <li>the lock is taken: another live app uses this directory, so refuse at once and touch nothing;</li>
 *   <li>the lock is free but {@code postmaster.pid} names a live process: the previous app was killed
 *       and left its PostgreSQL running, so stop that orphan before starting our own.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String LOCK_FILE = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedPostgresServer start(EmbeddedDatabaseSettings settings) {
        Path dir = settings.dataDirectory().toAbsolutePath().normalize();
        try {
            if (settings.ephemeral()) {
                dir = Files.createTempDirectory("csotracker-db-");
            }
            Files.createDirectories(dir);
            ensureNotInUse(dir);
            stopOrphanedServer(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(settings.ephemeral())
                    .setRegisterShutdownHook(false) // Spring closes us after Camunda and the pool
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("fsync", settings.ephemeral() ? "off" : "on")
                    .setServerConfig("synchronous_commit", settings.ephemeral() ? "off" : "on");
            settings.serverConfig().forEach(builder::setServerConfig);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
            return new EmbeddedPostgresServer(postgres, dir);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails fast when a live process holds the directory's lock. */
    static void ensureNotInUse(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new DataDirectoryInUseException(dir);
            }
            lock.release();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    /** After a kill -9 of the app its PostgreSQL lives on; it must go before ours can start. */
    static void stopOrphanedServer(Path dir) throws IOException {
        Optional<ProcessHandle> orphan = postmasterPid(dir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an app that did not shut down", process.pid(), dir);
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old app
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new EmbeddedDatabaseException("PostgreSQL (pid " + process.pid() + ") left running on " + dir
                    + " did not stop within 30 s; stop it and start again", e);
        }
    }

    private static Optional<Long> postmasterPid(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
