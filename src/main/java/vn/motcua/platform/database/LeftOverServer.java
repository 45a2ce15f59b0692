package vn.motcua.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on the data folder after the application that started it died (a {@code kill -9},
 * a crash): it holds the folder, so no new server can start on it. Found through the folder's {@code postmaster.pid}
 * and stopped before the embedded server starts, so that a start after any crash needs no hand cleanup. A stale
 * {@code postmaster.pid} of a server that is gone is left to PostgreSQL, which removes it itself.
 */
final class LeftOverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftOverServer.class);
    /** The lock file of the embedded server's library (io.zonky's EmbeddedPostgres.LOCK_FILE_NAME). */
    private static final String LOCK_FILE = "epg-lock";

    private LeftOverServer() {
    }

    /**
     * Stops the server named by {@code directory}'s {@code postmaster.pid} if it is still alive and really a PostgreSQL
     * server of this folder (a reused process id is left alone).
     *
     * @return whether a server was found and stopped
     * @throws IllegalStateException when it would not stop within {@code patience}
     */
    static boolean stop(Path directory, Duration patience) throws IOException {
        if (inUse(directory)) {
            throw new DataFolderInUseException(directory.getParent());
        }
        Optional<ProcessHandle> server = find(directory);
        if (server.isEmpty()) {
            return false;
        }
        ProcessHandle process = server.get();
        log.warn("A PostgreSQL server (pid {}) left running on {} by an earlier run; stopping it", process.pid(), directory);
        // SIGINT is PostgreSQL's fast shutdown: it ends the dead application's sessions and checkpoints.
        signal(process, "INT");
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server (pid " + process.pid() + ") left running on "
                    + directory + " did not stop within " + patience.toSeconds() + " s; stop it and start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left on " + directory, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /**
     * Whether a running application holds the folder: the embedded server's library keeps a lock on {@code epg-lock}
     * for as long as its server runs, and the operating system releases it when that JVM dies (a killed run's
     * server is then left over; a live run's is not, and must not be stopped under it).
     */
    static boolean inUse(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM
        }
    }

    /** The live server process that {@code postmaster.pid} names, if it serves this very folder. */
    static Optional<ProcessHandle> find(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        if (!sameFolder(Path.of(lines.get(1).strip()), directory)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static boolean sameFolder(Path recorded, Path directory) {
        try {
            return Files.isSameFile(recorded, directory);
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
                    .waitFor();
            if (exit != 0) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
