package org.medops.opsdesk;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.settings.Settings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A ticket timeline entry's detail in words ({@code @timelineText.detail(e.kind(), e.detail())}). Entries store
 * codes (the source, the work mode, {@code RESOLUTION 80% → PROJECT_MANAGER}) so they read in any language;
 * this composes them from message keys. Free text (a reason, a root cause) passes through unchanged.
 */
@Component("timelineText")
public class TimelineText {

    private static final Pattern SLA = Pattern.compile("([A-Z_]+) (\\d+)% → ([A-Z_]+)");
    private static final Pattern PRIORITY = Pattern.compile("([A-Z]+) → ([A-Z]+)(：.*)?", Pattern.DOTALL);
    private static final Pattern REPORTED = Pattern.compile("([A-Z_]+)( · recurrence)?");

    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final Settings settings;

    TimelineText(MessageSource messages, Settings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    public String detail(String kind, String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        Matcher m;
        switch (kind) {
            case "REPORTED" -> {
                if ((m = REPORTED.matcher(detail)).matches()) {
                    return text("ticket.source." + m.group(1), m.group(1))
                            + (m.group(2) != null ? " · " + text("timeline.recurrence", "recurrence") : "");
                }
            }
            case "IN_PROGRESS" -> {
                return text("ticket.mode." + detail, detail);
            }
            case "PRIORITY_CHANGED" -> {
                if ((m = PRIORITY.matcher(detail)).matches()) {
                    return text("ticket.priority." + m.group(1), m.group(1)) + " → "
                            + text("ticket.priority." + m.group(2), m.group(2)) + (m.group(3) == null ? "" : m.group(3));
                }
            }
            case "SLA_WARNING", "SLA_BREACHED" -> {
                if ((m = SLA.matcher(detail)).matches()) {
                    return messages.getMessage("timeline.sla", new Object[] {text("sla.kind." + m.group(1), m.group(1)),
                            m.group(2), text("sla.audience." + m.group(3), m.group(3))}, locale());
                }
            }
            case "ARRIVED" -> {
                try {
                    return SECONDS.format(java.time.Instant.parse(detail).atZone(settings.current().zone()));
                } catch (java.time.format.DateTimeParseException notAnInstant) {
                    return detail;
                }
            }
            default -> {
                return detail;
            }
        }
        return detail;
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
