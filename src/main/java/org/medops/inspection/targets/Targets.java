package org.medops.inspection.targets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.medops.inspection.checks.CheckSetting;
import org.medops.inspection.checks.Checks;
import org.medops.inspection.checks.ConnectionTest;
import org.medops.inspection.checks.Endpoint;
import org.medops.inspection.checks.TargetKind;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds, changes and retires targets. A save is committed first and its connection tested after: a target whose
 * host is down today is still the target to inspect (the engineer is told why the test failed and sees it again as
 * ERROR in the next round), while input that can never work (a missing host, a URL of the wrong kind) is refused.
 */
@Service("inspectionTargets")
public class Targets {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final TargetStore store;
    private final Checks checks;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Targets(TargetStore store, Checks checks, Secrets secrets, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.checks = checks;
        this.secrets = secrets;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The saved target and how its connection test went. */
    public record Saved(Target target, ConnectionTest test) {
    }

    public List<Target> all(boolean withRetired) {
        return store.all(withRetired);
    }

    public Target get(String code) {
        return store.find(code).map(TargetStore.Row::target)
                .orElseThrow(() -> ProblemException.notFound("inspection-target", code));
    }

    /** The targets a round runs on: the named ones (unknown or retired codes refused), or every active one. */
    public List<Target> forRound(List<String> codes) {
        List<String> wanted = codes == null ? List.of() : codes.stream().filter(Objects::nonNull).map(String::strip)
                .distinct().toList();
        List<Target> found = store.rows(wanted).stream().map(TargetStore.Row::target).toList();
        for (String code : wanted) {
            Target target = found.stream().filter(t -> t.code().equals(code)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("inspection-target", code));
            if (!target.active()) {
                throw ProblemException.conflict("inspection-target-retired", code);
            }
        }
        return found;
    }

    /** How to reach a target, its secret opened, for the moment a check runs. */
    public Endpoint endpoint(String code) {
        TargetStore.Row row = store.find(code).orElseThrow(() -> ProblemException.notFound("inspection-target", code));
        TargetStore.StoredConnection c = row.connection();
        return new Endpoint(code, row.target().kind(), c.host(), c.port(), c.username(), c.url(), c.hostKey(),
                c.secretKind(), row.sealedSecret() == null ? null : secrets.open(row.sealedSecret()));
    }

    public Saved create(TargetInput input, String actor) {
        if (input == null || input.code() == null || !CODE.matcher(input.code().strip()).matches()) {
            throw ProblemException.invalid("inspection-target-code", input == null ? "" : input.code());
        }
        String code = input.code().strip();
        transactions.executeWithoutResult(status -> {
            if (store.find(code).isPresent()) {
                throw ProblemException.conflict("inspection-target-exists", code);
            }
            Checked checked = check(input, null);
            Instant at = clock.instant();
            boolean production = Boolean.TRUE.equals(input.production());
            store.insert(code, checked.name, checked.kind, checked.connection, checked.sealed, checked.settings,
                    checked.system, production, at, actor);
            List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.set("name", checked.name),
                    FieldChange.set("targetKind", checked.kind), FieldChange.set("address", address(checked.connection)),
                    FieldChange.set("targetSystem", checked.system), FieldChange.set("checkSettings", checked.settings.size()),
                    FieldChange.set("targetProduction", production)));
            if (checked.sealed != null) {
                changes.add(FieldChange.secret("targetSecret"));
            }
            events.publishEvent(new TargetAction("inspection.target.create", code, changes));
        });
        return new Saved(get(code), test(code));
    }

    public Saved update(String code, TargetInput input, String actor) {
        transactions.executeWithoutResult(status -> {
            TargetStore.Row before = store.lock(code)
                    .orElseThrow(() -> ProblemException.notFound("inspection-target", code));
            if (input == null) {
                throw ProblemException.invalid("inspection-target-invalid", code);
            }
            if (input.code() != null && !input.code().isBlank() && !input.code().strip().equals(code)) {
                throw ProblemException.invalid("inspection-target-code-fixed", code);
            }
            Checked checked = check(input, before);
            Target was = before.target();
            boolean production = input.production() == null ? was.production() : input.production();
            store.update(code, checked.name, checked.kind, checked.connection, checked.sealed, checked.settings,
                    checked.system, production, was.active(), clock.instant(), actor);
            List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.of("name", was.name(), checked.name),
                    FieldChange.of("targetKind", was.kind(), checked.kind),
                    FieldChange.of("address", address(before.connection()), address(checked.connection)),
                    FieldChange.of("targetSystem", was.system(), checked.system),
                    FieldChange.of("checkSettings", settingsText(was.checks()), settingsText(checked.settings)),
                    FieldChange.of("targetProduction", was.production(), production)));
            if (!Objects.equals(before.sealedSecret(), checked.sealed)) {
                changes.add(FieldChange.secret("targetSecret"));
            }
            events.publishEvent(new TargetAction("inspection.target.update", code,
                    changes.stream().filter(FieldChange::changed).toList()));
        });
        return new Saved(get(code), test(code));
    }

    public void retire(String code, String actor) {
        transactions.executeWithoutResult(status -> {
            TargetStore.Row row = store.lock(code)
                    .orElseThrow(() -> ProblemException.notFound("inspection-target", code));
            if (!row.target().active()) {
                return;
            }
            Target t = row.target();
            store.update(code, t.name(), t.kind(), row.connection(), row.sealedSecret(), t.checks(), t.system(),
                    t.production(), false, clock.instant(), actor);
            events.publishEvent(new TargetAction("inspection.target.retire", code,
                    List.of(FieldChange.of("targetActive", true, false))));
        });
    }

    public ConnectionTest test(String code) {
        return checks.test(endpoint(code));
    }

    private record Checked(String name, TargetKind kind, TargetStore.StoredConnection connection, String sealed,
                           List<CheckSetting> settings, String system) {
    }

    /** Everything a target must have to be worth saving; the secret sealed, or kept from {@code before}. */
    private Checked check(TargetInput input, TargetStore.Row before) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ProblemException.invalid("inspection-target-name");
        }
        TargetKind kind = kind(input.kind());
        String system = input.system() == null || input.system().isBlank() ? null
                : input.system().strip().toUpperCase(Locale.ROOT);
        if (system != null && !SYSTEM.matcher(system).matches()) {
            throw ProblemException.invalid("inspection-target-system", system);
        }
        TargetInput.ConnectionInput c = input.connection() == null ? TargetInput.ConnectionInput.none() : input.connection();
        String host = blank(c.host());
        String username = blank(c.username());
        String url = blank(c.url());
        String hostKey = blank(c.hostKey());
        Integer port = c.port();
        String secretKind = null;
        String secret = null;
        switch (kind) {
            case SSH -> {
                require(host != null && username != null, "inspection-target-ssh");
                require(port == null || (port > 0 && port < 65536), "inspection-target-port");
                port = port == null ? 22 : port;
                url = null;
                if (blank(c.privateKey()) != null) {
                    secretKind = "privateKey";
                    secret = c.privateKey();
                } else if (blank(c.password()) != null) {
                    secretKind = "password";
                    secret = c.password();
                }
            }
            case POSTGRESQL, MYSQL -> {
                String prefix = kind == TargetKind.POSTGRESQL ? "jdbc:postgresql://" : "jdbc:mysql://";
                require(url != null && (url.startsWith(prefix)
                        || (kind == TargetKind.MYSQL && url.startsWith("jdbc:mariadb://"))), "inspection-target-jdbc");
                host = null;
                port = null;
                hostKey = null;
                if (blank(c.password()) != null) {
                    secretKind = "password";
                    secret = c.password();
                }
            }
            case HTTP -> {
                require(url != null && (url.startsWith("http://") || url.startsWith("https://")), "inspection-target-http");
                host = null;
                port = null;
                username = null;
                hostKey = null;
            }
            case KUBERNETES -> {
                host = null;
                port = null;
                username = null;
                hostKey = null;
                if (blank(c.kubeconfig()) != null) {
                    secretKind = "kubeconfig";
                    secret = c.kubeconfig();
                    url = null;
                } else {
                    require(url != null && url.startsWith("https://") || url != null && url.startsWith("http://"),
                            "inspection-target-kubernetes");
                    if (blank(c.token()) != null) {
                        secretKind = "token";
                        secret = c.token();
                    }
                }
            }
            case MEDOPS -> {
                host = null;
                port = null;
                username = null;
                url = null;
                hostKey = null;
            }
        }
        String sealed = null;
        if (secret != null) {
            require(secret.length() <= 65536, "inspection-target-secret");
            sealed = secrets.seal(secret);
        } else if (before != null && before.sealedSecret() != null && before.target().kind() == kind
                && kind != TargetKind.MEDOPS && kind != TargetKind.HTTP) {
            secretKind = before.connection().secretKind();
            sealed = before.sealedSecret();
        }
        if (kind == TargetKind.SSH && sealed == null) {
            throw ProblemException.invalid("inspection-target-ssh-secret");
        }
        if (kind == TargetKind.KUBERNETES && sealed == null) {
            throw ProblemException.invalid("inspection-target-kubernetes");
        }
        List<CheckSetting> settings = checks.validate(kind, input.checks());
        return new Checked(name, kind, new TargetStore.StoredConnection(host, port, username, url, hostKey, secretKind),
                sealed, settings, system);
    }

    static TargetKind kind(String kind) {
        try {
            return TargetKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("inspection-target-kind", String.valueOf(kind));
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw ProblemException.invalid(problem);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String address(TargetStore.StoredConnection c) {
        if (c.url() != null) {
            return c.url();
        }
        return c.host() == null ? null : (c.username() == null ? "" : c.username() + "@") + c.host() + ":" + c.port();
    }

    private static String settingsText(List<CheckSetting> settings) {
        return String.join(", ", settings.stream().map(s -> s.check() + (s.on() ? "" : " off")
                + (s.warnAt() == null ? "" : " warn " + s.warnAt()) + (s.failAt() == null ? "" : " fail " + s.failAt()))
                .toList());
    }
}
