package org.medops.gateway;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks patient identifiers and credentials in captured bodies before they are stored: mainland ID-card
 * numbers, mobile numbers, and named JSON or form fields (the service's own, and the gateway-wide
 * {@code medops.gateway.masked-fields}). Logs never hold them in clear.
 */
final class BodyMasker {

    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private final boolean identifiers;
    private final Pattern fields;
    private final Pattern formFields;

    /** Identifiers and the service's own fields, case as written. */
    BodyMasker(List<String> jsonFields) {
        this(jsonFields, false, true);
    }

    /**
     * Only the named fields, for a second pass after a masker that already masked identifiers.
     *
     * @param ignoreCase whether {@code Password} is masked as {@code password} is (the gateway-wide list)
     */
    static BodyMasker fieldsOnly(List<String> jsonFields, boolean ignoreCase) {
        return new BodyMasker(jsonFields, ignoreCase, false);
    }

    private BodyMasker(List<String> jsonFields, boolean ignoreCase, boolean identifiers) {
        this.identifiers = identifiers;
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        String names = String.join("|", jsonFields.stream().map(Pattern::quote).toList());
        this.fields = jsonFields.isEmpty() ? null : Pattern.compile("(\"(?:" + names
                + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[\\d.]+)", flags);
        this.formFields = jsonFields.isEmpty() ? null : Pattern.compile("((?:^|&)(?:" + names + ")=)([^&\\s]*)", flags);
    }

    String mask(String body) {
        if (body == null) {
            return null;
        }
        String masked = body;
        if (identifiers) {
            masked = ID_CARD.matcher(masked).replaceAll("$1********$2");
            masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        }
        if (fields != null) {
            Matcher matcher = fields.matcher(masked);
            masked = matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"***\""));
            masked = formFields.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
        }
        return masked;
    }
}
