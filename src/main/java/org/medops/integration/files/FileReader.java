package org.medops.integration.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.PollLocks;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.SourceKind;
import org.medops.integration.intake.Taken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One channel's directory, polled every {@code interval} on a thread of its own. A file is taken when it was seen
 * with the same size and modification time on the previous poll (a device still writing it changes one of
 * them), stored through the intake, and only then moved to the archive or deleted; input that is not valid data is
 * stored as errored and moved to {@code error/} beside the archive (or in the directory). A file that could not be
 * stored stays and is tried again on the next poll. Nodes sharing the directory take turns: a round runs only under
 * the channel's poll lock.
 */
final class FileReader implements SourceKind.Listening {

    private static final Logger log = LoggerFactory.getLogger(FileReader.class);
    private static final long FILE_LIMIT = 64L * 1024 * 1024;

    private record Seen(long size, long modified) {
    }

    private final Intake intake;
    private final PollLocks locks;
    private final TransactionTemplate transactions;
    private volatile DeployedChannel channel;
    private final Map<Path, Seen> previous = new HashMap<>();
    private ScheduledExecutorService poller;
    private volatile boolean warned;
    private volatile boolean unlocked;

    FileReader(Intake intake, DeployedChannel channel, PollLocks locks, TransactionTemplate transactions) {
        this.intake = intake;
        this.channel = channel;
        this.locks = locks;
        this.transactions = transactions;
    }

    @Override
    public void start() {
        var source = channel.document().source();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "integration-file-" + channel.code());
            t.setDaemon(true);
            return t;
        });
        long every = source.interval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
        log.info("Integration channel {} (v{}) reading files {} in {} every {} ms", channel.code(),
                channel.state().version(), source.pattern(), source.directory(), every);
    }

    @Override
    public void update(DeployedChannel changed) {
        this.channel = changed;
    }

    @Override
    public DeployedChannel channel() {
        return channel;
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Integration channel {} stopped reading files", channel.code());
        }
    }

    void poll() {
        DeployedChannel current = channel;
        try {
            transactions.executeWithoutResult(status -> {
                if (locks.tryLock(current.code())) {
                    poll(current);
                }
            });
            unlocked = false;
        } catch (RuntimeException e) {
            if (!unlocked) {
                log.warn("Channel {}: cannot take the poll lock, files left for a later round ({})", current.code(),
                        e.getClass().getSimpleName());
                unlocked = true;
            }
        }
    }

    private void poll(DeployedChannel current) {
        ChannelDocument.Source source = current.document().source();
        Path directory = Path.of(source.directory());
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.pattern());
        Map<Path, Seen> now = new HashMap<>();
        List<Path> stable = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (!matcher.matches(file.getFileName()) || file.getFileName().toString().startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Seen seen = new Seen(attributes.size(), attributes.lastModifiedTime().toMillis());
                now.put(file, seen);
                if (seen.equals(previous.get(file))) {
                    stable.add(file);
                }
            }
            warned = false;
        } catch (IOException e) {
            if (!warned) {
                log.warn("Channel {}: cannot read directory {} ({})", current.code(), directory, e.getClass().getSimpleName());
                warned = true;
            }
            return;
        }
        previous.clear();
        previous.putAll(now);
        stable.sort(null);
        for (Path file : stable) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (take(current, file)) {
                previous.remove(file);
            }
        }
    }

    /** Whether the file was dealt with (stored, then moved or deleted). */
    private boolean take(DeployedChannel current, Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > FILE_LIMIT) {
                log.warn("Channel {}: file {} is larger than {} bytes, left where it is", current.code(), name, FILE_LIMIT);
                return false;
            }
            byte[] content = Files.readAllBytes(file);
            Taken taken = intake.take(current.document(), Received.keyed(content, FileKey.of(name, content)))
                    .get(60, TimeUnit.SECONDS);
            if (taken.stored() == null) {
                log.warn("Channel {}: file {} not stored, tried again on the next poll", current.code(), name);
                return false;
            }
            after(current.document().source(), file, taken);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Channel {}: file {} not taken ({})", current.code(), name, e.getClass().getSimpleName());
            return false;
        }
    }

    private void after(ChannelDocument.Source source, Path file, Taken taken) throws IOException {
        long id = taken.stored().id();
        if (taken.kind() == Taken.Kind.REFUSED) {
            Path base = source.archive() != null ? Path.of(source.archive()) : Path.of(source.directory());
            move(file, base.resolve("error"), id);
        } else if ("DELETE".equals(source.after())) {
            Files.deleteIfExists(file);
        } else {
            move(file, Path.of(source.archive()), id);
        }
    }

    /** Into {@code into}, under its own name, or with the message id in front when that name is taken. */
    private static void move(Path file, Path into, long id) throws IOException {
        Files.createDirectories(into);
        Path target = into.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = into.resolve(id + "-" + file.getFileName());
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
