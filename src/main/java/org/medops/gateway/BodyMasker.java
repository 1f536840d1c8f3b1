package org.medops.gateway;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks patient identifiers in captured bodies before they are stored: mainland ID-card numbers,
 * mobile numbers and the service's configured JSON fields. Logs never hold them in clear.
 */
final class BodyMasker {

    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private final Pattern fields;

    BodyMasker(List<String> jsonFields) {
        this.fields = jsonFields.isEmpty() ? null : Pattern.compile("(\"(?:" + String.join("|",
                jsonFields.stream().map(Pattern::quote).toList()) + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[\\d.]+)");
    }

    String mask(String body) {
        if (body == null) {
            return null;
        }
        String masked = ID_CARD.matcher(body).replaceAll("$1********$2");
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        if (fields != null) {
            Matcher matcher = fields.matcher(masked);
            masked = matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"***\""));
        }
        return masked;
    }
}
