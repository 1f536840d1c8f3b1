package org.medops.publication.codes;

import java.util.Locale;

/** One value of a code table, with its Chinese and English label. */
public record Code(String table, String code, String label, String labelEn, boolean active, int position) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : label;
    }
}
