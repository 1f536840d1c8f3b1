package org.medops.integration.scripts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Code libraries (代码库) that channels' scripts share. A save is refused when the source does not compile
 * (400 with the line) and is audited. Running channels read the current sources through {@link #sources}, which
 * looks at the table at most twice a second: a saved library reaches every channel that lists it within a
 * second on every node, as a saved channel document does.
 */
@Service
public class Libraries implements LibrarySources {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final long REFRESH_NANOS = 500_000_000L;

    private final LibraryStore store;
    private final Sandbox sandbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private volatile long generation = -1;
    private volatile long checkedAt;

    Libraries(LibraryStore store, Sandbox sandbox, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.sandbox = sandbox;
        this.events = events;
        this.clock = clock;
    }

    public Optional<StoredLibrary> find(String code) {
        return store.find(code);
    }

    public boolean exists(String code) {
        return store.find(code).isPresent();
    }

    public StoredLibrary get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("integration-library", code));
    }

    public List<StoredLibrary> all() {
        return store.all();
    }

    List<LibraryVersion> versions(String code) {
        get(code);
        return store.versions(code);
    }

    String source(String code, int version) {
        return store.source(code, version)
                .orElseThrow(() -> ProblemException.notFound("integration-library-version", code + " v" + version));
    }

    /** Creates or replaces a library (a new version each time). */
    @Transactional
    public Saved save(String code, String source, String actor) {
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.invalid("integration-library-code");
        }
        if (source == null || source.isBlank() || source.length() > 1_000_000) {
            throw ProblemException.invalid("integration-library-empty");
        }
        try {
            sandbox.checkLibrary(source);
        } catch (ScriptFailed e) {
            throw ProblemException.invalid("integration-library-syntax", e.line(), e.getMessage());
        }
        Optional<StoredLibrary> before = store.lock(code);
        if (before.isPresent() && before.get().source().equals(source)) {
            return new Saved(code, before.get().version(), false);
        }
        int version = store.save(code, source, clock.instant(), actor);
        events.publishEvent(new LibraryAction("integration.library.save", code, List.of(
                FieldChange.of("version", before.map(StoredLibrary::version).orElse(null), version))));
        return new Saved(code, version, before.isEmpty());
    }

    /** The current sources of the given libraries, in order; a library that is gone fails the script. */
    @Override
    public List<String> sources(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        refreshIfDue();
        return codes.stream().map(code -> {
            String source = current.computeIfAbsent(code, c -> store.find(c).map(StoredLibrary::source).orElse(null));
            if (source == null) {
                throw new ScriptFailed("library " + code + " does not exist", 0);
            }
            return source;
        }).toList();
    }

    private void refreshIfDue() {
        long now = System.nanoTime();
        if (now - checkedAt < REFRESH_NANOS) {
            return;
        }
        checkedAt = now;
        long seen = store.generation();
        if (seen != generation) {
            current.clear();
            generation = seen;
        }
    }

    public record Saved(String code, int version, boolean created) {
    }
}
