package org.medops.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} says about the server that wrote it: its pid (line 1), its data
 * directory (line 2) and its port (line 4).
 */
record PostmasterPid(long pid, Path dataDir, int port) {

    static final String FILE_NAME = "postmaster.pid";

    static Optional<PostmasterPid> read(Path cluster) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(cluster.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.of(new PostmasterPid(-1, null, -1)); // written half-way: certainly stale
        }
        long pid = parseLong(lines.get(0));
        Path dir = lines.size() > 1 && !lines.get(1).isBlank() ? Path.of(lines.get(1).trim()) : null;
        int port = lines.size() > 3 ? (int) parseLong(lines.get(3)) : -1;
        return Optional.of(new PostmasterPid(pid, dir, port));
    }

    /** The process it names, if that is a live PostgreSQL server of {@code cluster}. */
    Optional<ProcessHandle> liveServerOf(Path cluster) {
        if (pid <= 0 || dataDir == null || !sameDirectory(dataDir, cluster)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                // A pid is reused once its process is gone: only a postgres binary counts.
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
