package org.medops.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Client addresses as people read them: {@code ::1} not {@code 0:0:0:0:0:0:0:1}, IPv4-mapped as IPv4. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String normalise(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9A-Fa-f:.%\\[\\]a-zA-Z]+")
                || !(address.contains(":") || address.matches("[0-9.]+"))) {
            return address;
        }
        String plain = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = plain.indexOf('%');
        String scope = zone < 0 ? "" : plain.substring(zone);
        String bare = zone < 0 ? plain : plain.substring(0, zone);
        try {
            // Only a literal is parsed (the pattern above lets no host name through), so this never looks anything up.
            InetAddress parsed = InetAddress.getByName(bare);
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                return parsed.getHostAddress();
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
                return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
            }
            return compress(bytes) + scope;
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return address;
        }
    }

    /** RFC 5952: lower case, leading zeros dropped, the longest run of two or more zero groups as {@code ::}. */
    private static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i >= 2) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
