package org.medops.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Addresses and CIDR blocks (IPv4 and IPv6); an empty list allows every address. */
final class IpAllowList {

    private final List<Block> blocks;

    IpAllowList(List<String> entries) {
        this.blocks = entries.stream().map(Block::parse).toList();
    }

    boolean allows(String address) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** Only literal addresses: never a DNS lookup, so "cafe" is no address rather than a host name. */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty()
                || !(IPV4.matcher(address).matches() || address.contains(":") && address.matches("[0-9a-fA-F:.%]+"))) {
            return null;
        }
        try {
            String plain = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
            byte[] bytes = InetAddress.getByName(plain).getAddress();
            // IPv4-mapped IPv6 (::ffff:a.b.c.d) compares as IPv4.
            if (bytes.length == 16 && isMappedV4(bytes)) {
                return java.util.Arrays.copyOfRange(bytes, 12, 16);
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** A network and its prefix length; compared byte by byte, with the mask applied to the last one. */
    private record Block(byte[] network, int prefix) {
        static Block parse(String entry) {
            String[] parts = entry.trim().split("/");
            byte[] network = literal(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("not an IP address: " + entry);
            }
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            return new Block(network, Math.min(prefix, network.length * 8));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
