package org.medops.audit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.shared.ClientAddress;
import org.medops.shared.CodeLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An audit record's details as field-by-field changes in words ({@code @auditDetails.changes(r.details())}).
 * The trail stores the hashed text {@code field=value; field: old → new; secret: ******}; this reads it back,
 * names each field by its label ({@code audit.field.*}) and each coded value by its name, so records written
 * before a label existed read the same way. Secrets stay masked: their value was never stored.
 */
@Component("auditDetails")
public class AuditDetails {

    /** A field starts a segment: at the beginning or after "; ", an identifier followed by "=" or ": ". */
    private static final Pattern FIELD = Pattern.compile("(?:^|; )([a-zA-Z][A-Za-z0-9_.]*)(=|: )");
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|(?<![A-Za-z0-9_])[A-Z]{3,}(?![A-Za-z0-9_])");
    /** Where a coded value's name lives, tried in order after {@code audit.value.<field>.<CODE>}. */
    private static final List<String> VALUE_KEYS = List.of("role.", "ticket.priority.", "ticket.source.", "ticket.category.",
            "ticket.mode.", "catalog.type.", "access.status.", "requests.status.", "registration.status.",
            "requirements.status.", "changes.risk.", "changes.result.", "changes.environment.", "defects.status.",
            "defects.severity.", "alert.level.", "audit.value.");

    public record Change(String field, String label, String before, String after, boolean secret) {

        public boolean set() {
            return before == null;
        }
    }

    private final MessageSource messages;
    private final List<CodeLabels> labels;

    AuditDetails(MessageSource messages, List<CodeLabels> labels) {
        this.messages = messages;
        this.labels = labels;
    }

    public List<Change> changes(String details) {
        List<Change> changes = new ArrayList<>();
        if (details == null || details.isBlank()) {
            return changes;
        }
        Matcher field = FIELD.matcher(details);
        List<int[]> starts = new ArrayList<>();
        while (field.find()) {
            starts.add(new int[] {field.start(), field.start(1), field.end(1), field.end()});
        }
        if (starts.isEmpty() || starts.get(0)[0] != 0) {
            changes.add(new Change("", "", null, details, false));
            return changes;
        }
        for (int i = 0; i < starts.size(); i++) {
            int[] at = starts.get(i);
            String name = details.substring(at[1], at[2]);
            String value = details.substring(at[3], i + 1 < starts.size() ? starts.get(i + 1)[0] : details.length());
            boolean assigned = details.charAt(at[2]) == '=';
            if (!assigned && value.equals(AuditListener.MASK)) {
                changes.add(new Change(name, label(name), null, null, true));
            } else if (!assigned && value.contains(" → ")) {
                int arrow = value.indexOf(" → ");
                changes.add(new Change(name, label(name), value(name, value.substring(0, arrow)),
                        value(name, value.substring(arrow + 3)), false));
            } else {
                changes.add(new Change(name, label(name), null, value(name, value), false));
            }
        }
        return changes;
    }

    /** A client IP as people read it, also for records stored before addresses were normalised. */
    public String ip(String address) {
        return address == null ? "—" : ClientAddress.normalise(address);
    }

    private String label(String field) {
        Locale locale = LocaleContextHolder.getLocale();
        String found = messages.getMessage("field." + field, null, null, locale);
        if (found == null && field.contains(".")) {
            String parent = field.substring(0, field.indexOf('.'));
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            String parentLabel = messages.getMessage("field." + parent, null, parent, locale);
            return parentLabel + " · " + messages.getMessage("field." + leaf, null, leaf, locale);
        }
        return found == null ? field : found;
    }

    private String value(String field, String value) {
        if (value.equals("null")) {
            return "—";
        }
        if (value.equals("true") || value.equals("false")) {
            return messages.getMessage("audit.value." + value, null, value, LocaleContextHolder.getLocale());
        }
        if (value.startsWith("P") && value.length() > 2) {
            Optional<String> duration = duration(value);
            if (duration.isPresent()) {
                return duration.get();
            }
        }
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        Matcher code = CODE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (code.find()) {
            code.appendReplacement(out, Matcher.quoteReplacement(name(leaf, code.group())));
        }
        code.appendTail(out);
        String text = out.toString();
        return leaf.toLowerCase(Locale.ROOT).contains("ip") ? ClientAddress.normalise(text) : text;
    }

    /** A stored ISO-8601 duration ({@code PT1H}) in the reader's words: days, hours, minutes, seconds. */
    private Optional<String> duration(String value) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (duration.isZero()) {
            return Optional.of(messages.getMessage("audit.duration.zero", null, value, locale));
        }
        return Optional.of(messages.getMessage("audit.duration", new Object[] {duration.toDaysPart(),
                duration.toHoursPart(), duration.toMinutesPart(), duration.toSecondsPart()}, value, locale).strip());
    }

    private String name(String field, String code) {
        for (CodeLabels source : labels) {
            Optional<String> label = source.label(field, code);
            if (label.isPresent()) {
                return label.get();
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        String own = messages.getMessage("audit.value." + field + "." + code, null, null, locale);
        if (own != null) {
            return own;
        }
        for (String prefix : VALUE_KEYS) {
            String found = messages.getMessage(prefix + code, null, null, locale);
            if (found != null) {
                return found;
            }
        }
        return code;
    }
}
