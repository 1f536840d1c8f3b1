package org.medops.inspection.targets;

import java.time.Instant;
import java.util.List;

import org.medops.inspection.checks.CheckSetting;
import org.medops.inspection.checks.TargetKind;

/**
 * A target as pages, the API and rounds see it: its connection without the secret, only whether one is set;
 * {@code production} marks a hospital production system (data operations on it need the hospital's authorization).
 */
public record Target(String code, String name, TargetKind kind, Connection connection, List<CheckSetting> checks,
                     String system, boolean active, Instant createdAt, String createdBy, Instant updatedAt,
                     String updatedBy, boolean production) {

    /**
     * @param secretKind {@code password}, {@code privateKey}, {@code token} or {@code kubeconfig}
     * @param secretSet  whether a secret is sealed (shown as 已设置, never its value)
     */
    public record Connection(String host, Integer port, String username, String url, String hostKey,
                             String secretKind, boolean secretSet) {
    }

    /** Where it is, for lists: the URL, or user@host:port. */
    public String address() {
        if (connection.url() != null) {
            return connection.url();
        }
        if (connection.host() != null) {
            return (connection.username() == null ? "" : connection.username() + "@") + connection.host()
                    + (connection.port() == null ? "" : ":" + connection.port());
        }
        return "";
    }
}
