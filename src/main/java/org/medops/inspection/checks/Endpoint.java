package org.medops.inspection.checks;

/**
 * How to reach one target, its secret opened: only for the moment a check or a connection test runs, never
 * stored, logged or returned ({@link #toString()} leaves the secret out).
 *
 * @param secretKind {@code password}, {@code privateKey}, {@code token} or {@code kubeconfig}; null when none
 * @param hostKey    an SSH host key fingerprint ({@code SHA256:…}) the host must present; null accepts any and
 *                   reports the one seen
 */
public record Endpoint(String targetCode, TargetKind kind, String host, Integer port, String username, String url,
                       String hostKey, String secretKind, String secret) {

    public String secretOf(String kind) {
        return kind.equals(secretKind) ? secret : null;
    }

    @Override
    public String toString() {
        return "Endpoint[" + targetCode + " " + kind + " " + (url != null ? url : host + ":" + port) + "]";
    }
}
