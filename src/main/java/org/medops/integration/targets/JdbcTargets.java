package org.medops.integration.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.shared.FieldChange;
import org.medops.shared.FilterText;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered JDBC targets and one small pool per target (at most three connections, none kept idle for long),
 * rebuilt when the target changes. Only PostgreSQL and MariaDB/MySQL URLs are taken; the password is sealed with
 * {@link Secrets}, never returned, never logged, and left unchanged when a save leaves it out.
 */
@Service
public class JdbcTargets {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern URL = Pattern.compile("jdbc:(postgresql|mariadb|mysql)://[^\\s/?#]+(/[^\\s]*)?");

    private final JdbcTargetStore store;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ChannelDirectory channels;
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    JdbcTargets(JdbcTargetStore store, Secrets secrets, ApplicationEventPublisher events, Clock clock,
                ChannelDirectory channels) {
        this.store = store;
        this.channels = channels;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    public boolean exists(String code) {
        return code != null && store.find(code).isPresent();
    }

    /** The pooled connections of a target; 404 problem when there is no such target. */
    public DataSource dataSource(String code) {
        JdbcTarget target = get(code);
        Pool pool = pools.compute(code, (c, existing) -> {
            if (existing != null && existing.target().equals(target)) {
                return existing;
            }
            if (existing != null) {
                existing.dataSource().close();
            }
            return new Pool(target, open(target));
        });
        return pool.dataSource();
    }

    List<JdbcTarget.TargetView> all() {
        return store.all().stream().map(JdbcTarget::view).toList();
    }

    JdbcTarget.TargetView view(String code) {
        return get(code).view();
    }

    /** Creates or replaces a target; a left-out password keeps the stored one. Answers whether it was new. */
    @Transactional
    public boolean save(String code, NewTarget input, String actor) {
        List<String> problems = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            problems.add("integration-target-code");
        }
        if (input.name() == null || input.name().isBlank() || input.name().length() > 200) {
            problems.add("integration-target-name");
        }
        if (input.url() == null || input.url().length() > 1000 || !URL.matcher(input.url()).matches()
                || input.url().toLowerCase().contains("password=")) {
            problems.add("integration-target-url");
        }
        if (input.user() != null && input.user().length() > 200) {
            problems.add("integration-target-user");
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "integration-target-invalid", problems, code);
        }
        var existing = store.lock(code);
        String sealed = input.password() != null ? secrets.seal(input.password())
                : existing.map(JdbcTarget::sealedPassword).orElse(null);
        JdbcTarget saved = new JdbcTarget(code, input.name().strip(), input.url().strip(), FilterText.orNull(input.user()), sealed,
                clock.instant(), actor);
        store.save(saved);
        List<FieldChange> changes = new ArrayList<>(List.of(
                FieldChange.of("name", existing.map(JdbcTarget::name).orElse(null), saved.name()),
                FieldChange.of("url", existing.map(JdbcTarget::url).orElse(null), saved.url()),
                FieldChange.of("user", existing.map(JdbcTarget::username).orElse(null), saved.username())));
        if (input.password() != null) {
            changes.add(FieldChange.secret("password"));
        }
        events.publishEvent(new TargetAction("integration.target.save", code, changes));
        return existing.isEmpty();
    }

    /** A target a channel still reads or writes is not deleted (409 {@code integration-target-in-use}). */
    @Transactional
    public void delete(String code, String actor) {
        JdbcTarget target = get(code);
        channels.all().stream().filter(c -> uses(ChannelDirectory.parse(c.document()), code)).findFirst()
                .ifPresent(c -> {
                    throw ProblemException.conflict("integration-target-in-use", code, c.code());
                });
        store.delete(code);
        Pool pool = pools.remove(code);
        if (pool != null) {
            pool.dataSource().close();
        }
        events.publishEvent(new TargetAction("integration.target.delete", code,
                List.of(FieldChange.of("url", target.url(), null))));
    }

    /** Opens one connection and asks whether it is valid; the answer says why not (the driver's words, no password). */
    public Tested test(String code, String actor) {
        get(code);
        long started = System.nanoTime();
        Tested tested;
        try (Connection connection = dataSource(code).getConnection()) {
            boolean valid = connection.isValid(5);
            tested = new Tested(valid, valid ? null : "connection not valid", connection.getMetaData().getDatabaseProductName()
                    + " " + connection.getMetaData().getDatabaseProductVersion(), millisSince(started));
        } catch (SQLException | RuntimeException e) {
            tested = new Tested(false, rootMessage(e), null, millisSince(started));
        }
        events.publishEvent(new TargetAction("integration.target.test", code,
                List.of(FieldChange.set("ok", tested.ok()))));
        return tested;
    }

    public record NewTarget(String name, String url, String user, String password) {
    }

    public record Tested(boolean ok, String error, String database, long millis) {
    }

    private static boolean uses(ChannelDocument channel, String code) {
        return channel.source() != null && "DATABASE".equals(channel.source().type()) && code.equals(channel.source().target())
                || channel.destinations().stream().anyMatch(d -> "DATABASE".equals(d.type()) && code.equals(d.target()));
    }

    private JdbcTarget get(String code) {
        return store.find(code).orElseThrow(() -> ProblemException.notFound("integration-target", code));
    }

    private HikariDataSource open(JdbcTarget target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("integration-target-" + target.code());
        config.setJdbcUrl(connectable(target.url()));
        config.setUsername(target.username());
        if (target.sealedPassword() != null) {
            config.setPassword(secrets.open(target.sealedPassword()));
        }
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(3_000);
        // Created even while the database is down: the reader and writer retry, the test action reports it.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** The MariaDB driver takes {@code jdbc:mysql:} URLs too once told so; MySQL's own driver is not shipped. */
    static String connectable(String url) {
        return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    @PreDestroy
    void close() {
        pools.values().forEach(p -> p.dataSource().close());
        pools.clear();
    }

    private record Pool(JdbcTarget target, HikariDataSource dataSource) {
    }
}
