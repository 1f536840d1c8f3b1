package org.medops.catalog;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;

/**
 * A consumer of hospital APIs with its credentials: an app key, a current secret and, during a
 * rotation's overlap, the previous one. Secrets are held sealed; the clear value exists only in
 * the response that issues it.
 */
final class Channel {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String code;
    private ChannelProfile profile;
    private final String appKey;
    private String secret;
    private String previousSecret;
    private Instant previousValidUntil;

    Channel(String code, ChannelProfile profile, String appKey, String secret, String previousSecret,
            Instant previousValidUntil) {
        this.code = code;
        this.profile = profile;
        this.appKey = appKey;
        this.secret = secret;
        this.previousSecret = previousSecret;
        this.previousValidUntil = previousValidUntil;
    }

    /** A new channel and its first secret, returned in clear exactly once. */
    static Issued create(String code, ChannelProfile profile, Secrets secrets) {
        String clear = newSecret();
        String appKey = "ak" + HexFormat.of().formatHex(randomBytes(10));
        return new Issued(new Channel(code, profile, appKey, secrets.seal(clear), null, null), clear);
    }

    /** A new secret; the old one keeps working for {@code overlap} so callers can switch over. */
    String rotate(Duration overlap, Instant now, Secrets secrets) {
        if (overlap.isNegative() || overlap.compareTo(Duration.ofDays(7)) > 0) {
            throw ProblemException.invalid("overlap-out-of-range");
        }
        String clear = newSecret();
        if (secret != null && !overlap.isZero()) {
            previousSecret = secret;
            previousValidUntil = now.plus(overlap);
        } else {
            previousSecret = null;
            previousValidUntil = null;
        }
        secret = secrets.seal(clear);
        return clear;
    }

    /** Every secret stops working at once; a rotation issues a fresh one. */
    void revokeSecrets() {
        secret = null;
        previousSecret = null;
        previousValidUntil = null;
    }

    /** The profile form knows nothing of ownership, so an edit keeps the owner. */
    void update(ChannelProfile newProfile) {
        profile = newProfile.withOwner(profile.owner());
    }

    /** Usernames compare case-insensitively, as logins do. */
    boolean ownedBy(String username) {
        return profile.owner() != null && profile.owner().equalsIgnoreCase(username);
    }

    void assignOwner(String username) {
        profile = profile.withOwner(username);
    }

    ChannelAccess access() {
        List<ChannelAccess.SealedSecret> sealed = new ArrayList<>();
        if (secret != null) {
            sealed.add(new ChannelAccess.SealedSecret(secret, null));
        }
        if (previousSecret != null) {
            sealed.add(new ChannelAccess.SealedSecret(previousSecret, previousValidUntil));
        }
        return new ChannelAccess(code, appKey, profile.enabled(), profile.ipAllowList(), profile.quotaPerSecond(),
                profile.quotaPerDay(), sealed);
    }

    private static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public String code() {
        return code;
    }

    public ChannelProfile profile() {
        return profile;
    }

    public String appKey() {
        return appKey;
    }

    public boolean hasSecret() {
        return secret != null;
    }

    public Instant previousValidUntil() {
        return previousValidUntil;
    }

    String sealedSecret() {
        return secret;
    }

    String sealedPreviousSecret() {
        return previousSecret;
    }

    record Issued(Channel channel, String clearSecret) {
    }
}
