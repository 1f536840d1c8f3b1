package org.medops.publication.codes;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and edits the code tables; the topics ask it whether a code is valid. */
@Service
public class CodeTables {

    /** The tables the topics refer to. */
    public static final String DEPARTMENT_CATEGORY = "department-category";
    public static final String SEX = "sex";
    public static final String TITLE = "title";
    static final List<String> KNOWN = List.of(DEPARTMENT_CATEGORY, SEX, TITLE);

    private final Codes codes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CodeTables(Codes codes, ApplicationEventPublisher events, Clock clock) {
        this.codes = codes;
        this.events = events;
        this.clock = clock;
    }

    public List<Code> of(String table) {
        return codes.of(known(table));
    }

    public List<String> tables() {
        return KNOWN;
    }

    /** Whether {@code code} is an active value of {@code table}. */
    public boolean accepts(String table, String code) {
        return codes.find(table, code).filter(Code::active).isPresent();
    }

    public Optional<Code> find(String table, String code) {
        return codes.find(table, code);
    }

    @Transactional
    public Code save(Code code, String by) {
        known(code.table());
        if (code.code() == null || !code.code().matches("[0-9A-Za-z.-]{1,32}")) {
            throw ProblemException.invalid("publication-code-invalid", String.valueOf(code.code()));
        }
        if (code.label() == null || code.label().isBlank() || code.labelEn() == null || code.labelEn().isBlank()) {
            throw ProblemException.invalid("publication-code-label-missing");
        }
        Optional<Code> before = codes.find(code.table(), code.code());
        codes.save(code, by, clock.instant());
        events.publishEvent(new CodeAudit(code.table() + ":" + code.code(), List.of(
                FieldChange.of("label", before.map(Code::label).orElse(null), code.label()),
                FieldChange.of("labelEn", before.map(Code::labelEn).orElse(null), code.labelEn()),
                FieldChange.of("active", before.map(Code::active).orElse(null), code.active()))));
        return codes.find(code.table(), code.code()).orElseThrow();
    }

    private static String known(String table) {
        if (!KNOWN.contains(table)) {
            throw ProblemException.notFound("publication-code-table", table);
        }
        return table;
    }

    record CodeAudit(String targetId, List<FieldChange> changes) implements AuditableEvent {
        @Override
        public String action() {
            return "publication.code.save";
        }

        @Override
        public String targetType() {
            return "publication-code";
        }
    }
}
