package org.medops.integration.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source's shared secret is write-only: the stored document holds {@code "token": "sha256:<hex>"} in its place,
 * so that reading the document (which returns the stored text) never shows the secret (a JSON document is written
 * back pretty-printed, a YAML one as YAML). A document that already
 * carries such a hash (an editor saving what it read) keeps it.
 */
public final class SourceToken {

    private static final Pattern HASHED = Pattern.compile("sha256:[0-9a-f]{64}");

    private SourceToken() {
    }

    record Hashed(String text, ChannelDocument document) {
    }

    static Hashed hashed(String text, ChannelDocument document) {
        String token = document.source().token();
        if (token == null || HASHED.matcher(token).matches()) {
            return new Hashed(text, document);
        }
        String hash = hash(token);
        DocumentFormat format = DocumentFormat.of(text);
        JsonNode tree = format.mapper().readTree(text);
        ((ObjectNode) tree.get("source")).put("token", hash);
        String rewritten = format == DocumentFormat.JSON ? format.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                : format.mapper().writeValueAsString(tree);
        return new Hashed(rewritten, document.withSourceToken(hash));
    }

    static boolean isHashed(String token) {
        return HASHED.matcher(token).matches();
    }

    /** {@code sha256:<hex>} of a secret. */
    public static String hash(String secret) {
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code presented} is the secret whose hash is {@code stored}, compared in constant time. */
    public static boolean matches(String stored, String presented) {
        return presented != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                hash(presented).getBytes(StandardCharsets.UTF_8));
    }
}
