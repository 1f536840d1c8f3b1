package org.medops.integration.interop;

import java.util.UUID;
import java.util.regex.Pattern;

/** A shipped sample made ready to send again: a new message id, so a second send is not taken as a duplicate. */
final class InteropSamples {

    private static final Pattern FIRST_ID = Pattern.compile("(<id root=\"2\\.16\\.156\\.10011\\.2\\.5\\.1\\.1\" extension=\")[^\"]*\"");

    private InteropSamples() {
    }

    static String fresh(String sample) {
        return FIRST_ID.matcher(sample).replaceFirst("$1TEST-" + UUID.randomUUID().toString().substring(0, 13) + "\"");
    }
}
