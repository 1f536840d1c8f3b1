package org.medops.notify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A configured destination; the DingTalk signing secret is stored sealed and never shown again. */
record Target(long id, String name, TargetKind kind, String address, String sealedSecret, boolean enabled) {

    /** Query values (DingTalk's access_token, WeCom's key), user info, and key-like path segments. */
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#]*=)([^&#]*)");
    private static final Pattern USER_INFO = Pattern.compile("^(https?://)[^/@?#]*@");
    private static final Pattern KEY_SEGMENT = Pattern.compile("/([A-Za-z0-9_\\-]{16,})(?=[/?#]|$)");

    /**
     * The address as those who may only read targets see it: a robot's webhook URL carries its access
     * token, which lets anyone post into the hospital's group, so every credential-like part keeps
     * its first four characters only. E-mail addresses are shown as they are.
     */
    String maskedAddress() {
        if (address == null || kind == TargetKind.EMAIL) {
            return address;
        }
        String masked = USER_INFO.matcher(address).replaceFirst("$1****@");
        masked = QUERY_VALUE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mask(m.group(2))));
        int query = masked.indexOf('?');
        String path = query < 0 ? masked : masked.substring(0, query);
        String rest = query < 0 ? "" : masked.substring(query);
        int hostEnd = path.indexOf('/', path.indexOf("://") + 3);
        if (hostEnd > 0) {
            String segments = KEY_SEGMENT.matcher(path.substring(hostEnd))
                    .replaceAll(m -> Matcher.quoteReplacement("/" + mask(m.group(1))));
            path = path.substring(0, hostEnd) + segments;
        }
        return path + rest;
    }

    private static String mask(String value) {
        return value.length() > 8 ? value.substring(0, 4) + "****" : "****";
    }
}
