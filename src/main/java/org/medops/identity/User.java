package org.medops.identity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.medops.shared.ProblemException;

/** A person who signs in to the console or calls the API. Roles are referenced by code. */
final class User {

    private final Long id;
    private final String username;
    private String displayName;
    private String email;
    private String passwordHash;
    private boolean enabled;
    private boolean mustChangePassword;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private Instant lastLoginAt;
    private final Instant createdAt;
    private final Set<String> roles;
    private String channelCode;
    private String approval;
    private boolean serviceAccount;
    private boolean remoteVendor;

    User(Long id, String username, String displayName, String email, String passwordHash, boolean enabled,
         boolean mustChangePassword, int failedAttempts, Instant lockedUntil, Instant passwordChangedAt,
         Instant lastLoginAt, Instant createdAt, Set<String> roles, String channelCode, String approval) {
        this(id, username, displayName, email, passwordHash, enabled, mustChangePassword, failedAttempts, lockedUntil,
                passwordChangedAt, lastLoginAt, createdAt, roles, channelCode, approval, false, false);
    }

    User(Long id, String username, String displayName, String email, String passwordHash, boolean enabled,
         boolean mustChangePassword, int failedAttempts, Instant lockedUntil, Instant passwordChangedAt,
         Instant lastLoginAt, Instant createdAt, Set<String> roles, String channelCode, String approval,
         boolean serviceAccount, boolean remoteVendor) {
        this.serviceAccount = serviceAccount;
        this.remoteVendor = remoteVendor;
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.passwordChangedAt = passwordChangedAt;
        this.lastLoginAt = lastLoginAt;
        this.createdAt = createdAt;
        this.roles = new TreeSet<>(roles);
        this.channelCode = channelCode;
        this.approval = approval;
    }

    /** A new account; {@code temporaryPassword} forces a change at first login. */
    static User create(String username, String displayName, String email, String passwordHash,
                       boolean temporaryPassword, Set<String> roles, Instant now) {
        return create(username, displayName, email, passwordHash, temporaryPassword, roles, now, null);
    }

    /** A developer account: bound to one channel for good. */
    static User create(String username, String displayName, String email, String passwordHash,
                       boolean temporaryPassword, Set<String> roles, Instant now, String channelCode) {
        User user = new User(null, normalize(username), displayName, email, passwordHash, true,
                temporaryPassword, 0, null, now, null, now, Set.of(), channelCode, null);
        user.assignRoles(roles);
        return user;
    }

    /**
     * A service account for scripts and other systems: no roles, no usable password, no console sign-in; it acts
     * only through API keys with their own scopes.
     */
    static User service(String username, String displayName, String unusablePasswordHash, Instant now) {
        return new User(null, normalize(username), displayName, null, unusablePasswordHash, true, false, 0, null, now,
                null, now, Set.of(), null, null, true, false);
    }

    public boolean serviceAccount() {
        return serviceAccount;
    }

    /** A vendor engineer's remote account (远程运维账号): it may act only inside an approved maintenance window. */
    public boolean remoteVendor() {
        return remoteVendor;
    }

    void markRemoteVendor(boolean remote) {
        remoteVendor = remote;
    }

    /** No sign-in since {@code since} (or never, for an account created before it): the dormancy rule. */
    boolean dormantSince(Instant since) {
        Instant last = lastLoginAt != null ? lastLoginAt : createdAt;
        return enabled && !serviceAccount && last.isBefore(since);
    }

    /** A developer who registered themselves: no channel and no sign-in until an administrator approves. */
    static User registered(String username, String displayName, String email, String passwordHash,
                           Set<String> roles, Instant now) {
        User user = new User(null, normalize(username), displayName, email, passwordHash, true, false, 0, null, now,
                null, now, Set.of(), null, PENDING);
        user.assignRoles(roles);
        return user;
    }

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    /** The administrator's approval binds the account to its channel, for good. */
    void approve(String channel) {
        if (!PENDING.equals(approval)) {
            throw ProblemException.conflict("registration-decided", username);
        }
        channelCode = channel;
        approval = APPROVED;
    }

    void refuse() {
        if (!PENDING.equals(approval)) {
            throw ProblemException.conflict("registration-decided", username);
        }
        approval = REJECTED;
        enabled = false;
    }

    /** Registered but not approved (yet, or ever): such an account cannot sign in. */
    boolean awaitingApproval() {
        return PENDING.equals(approval);
    }

    boolean registrationRefused() {
        return REJECTED.equals(approval);
    }

    public String approval() {
        return approval;
    }

    static String normalize(String username) {
        return username == null ? null : username.trim().toLowerCase();
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a wrong password; returns true when this failure locked the account. */
    boolean loginFailed(Instant now, LockoutPolicy policy) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failedAttempts = 0;
            lockedUntil = null;
        }
        failedAttempts++;
        if (failedAttempts >= policy.threshold() && lockedUntil == null) {
            lockedUntil = now.plus(policy.duration());
            return true;
        }
        return false;
    }

    void loginSucceeded(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    /** {@code temporary} is true when an administrator set it: the user must choose their own. */
    void changePassword(String newHash, Instant now, boolean temporary) {
        passwordHash = newHash;
        passwordChangedAt = now;
        mustChangePassword = temporary;
    }

    void enable() {
        enabled = true;
    }

    void disable() {
        enabled = false;
    }

    void rename(String newDisplayName, String newEmail) {
        displayName = newDisplayName;
        email = newEmail;
    }

    /** Replaces the roles; two of the three separated administrator duties never go to one person. */
    void assignRoles(Set<String> newRoles) {
        long duties = newRoles.stream().filter(BuiltInRole::isSeparatedDuty).count();
        if (duties > 1) {
            throw ProblemException.conflict("separated-duties", username);
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    /** The channel of a developer account; null for hospital and vendor staff. */
    public String channelCode() {
        return channelCode;
    }
}
