package org.medops.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Marks a data directory as owned by this MedOps process for as long as it runs. The operating
 * system releases the lock when the process dies, however it dies (kill -9 included), so a held
 * lock always means a live owner and a free one means that whatever the last owner left behind
 * (a postmaster, a postmaster.pid) is an orphan this process may clean up.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "medops.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory, or refuses with the owner's pid when another live MedOps holds it. */
    static DataDirectoryLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another context in this very JVM: just as much in use
        }
        if (lock == null) {
            String owner = readOwner(file);
            channel.close();
            throw new DataDirectoryInUseException("Data directory " + dataDir + " is in use by another running MedOps"
                    + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                    + ". Stop that process first, or start this one with another --medops.db.data-dir.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    private static String readOwner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        channel.close();
    }

    /** Starting a second MedOps on one data directory is refused, never half-done. */
    static final class DataDirectoryInUseException extends IllegalStateException {
        DataDirectoryInUseException(String message) {
            super(message);
        }
    }
}
