package org.medops.inspection.targets;

import java.util.List;

import org.medops.inspection.checks.CheckSetting;

/**
 * A target as the API and the console form send it: {@code connection} with the fields of its kind —
 * {@code url, username, password} for a database, {@code host, port, username, password} or {@code privateKey}
 * for SSH, {@code url} for HTTP, {@code url, token} or {@code kubeconfig} for Kubernetes, nothing for MedOps. A
 * secret left out on a change keeps the one sealed; {@code production} left out keeps the mark as it is.
 */
public record TargetInput(String code, String name, String kind, ConnectionInput connection,
                          List<CheckSetting> checks, String system, Boolean production) {

    /** Without the production mark: left as it is on a change, not production on a new target. */
    public TargetInput(String code, String name, String kind, ConnectionInput connection, List<CheckSetting> checks,
                       String system) {
        this(code, name, kind, connection, checks, system, null);
    }

    public record ConnectionInput(String host, Integer port, String username, String password, String privateKey,
                                  String url, String token, String kubeconfig, String hostKey) {

        public static ConnectionInput none() {
            return new ConnectionInput(null, null, null, null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "ConnectionInput[" + host + ":" + port + " " + url + "]";
        }
    }
}
