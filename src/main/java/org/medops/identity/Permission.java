package org.medops.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every permission code the platform checks, grouped by module. Code strings are what
 * {@code @PreAuthorize("hasAuthority('…')")} names; labels come from {@code permission.<code>}.
 */
enum Permission {
    USER_READ("identity:user:read"),
    USER_WRITE("identity:user:write"),
    USER_UNLOCK("identity:user:unlock"),
    ROLE_READ("identity:role:read"),
    ROLE_WRITE("identity:role:write"),
    AUDIT_READ("audit:read"),
    AUDIT_EXPORT("audit:export"),
    CONFIG_READ("system:config:read"),
    CONFIG_WRITE("system:config:write"),
    SERVICE_READ("catalog:service:read"),
    SERVICE_WRITE("catalog:service:write"),
    CHANNEL_READ("catalog:channel:read"),
    CHANNEL_WRITE("catalog:channel:write"),
    GATEWAY_READ("gateway:node:read"),
    TRAFFIC_READ("traffic:read"),
    ALERT_READ("alert:read"),
    ALERT_ACK("alert:ack"),
    ALERT_WRITE("alert:write"),
    ACCESS_APPLY("access:apply"),
    ACCESS_REVIEW("access:review"),
    SERVICE_TEST("portal:service-test"),
    DEVELOPER("portal:developer"),
    OPSDESK_READ("opsdesk:read"),
    OPSDESK_REPORT("opsdesk:report"),
    OPSDESK_WORK("opsdesk:work"),
    OPSDESK_CONFIRM("opsdesk:confirm"),
    OPSDESK_MANAGE("opsdesk:manage"),
    LEDGER_READ("opsdesk:ledger");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String module() {
        return code.substring(0, code.indexOf(':'));
    }

    /** The message key of the label; dots, because a colon ends a key in a properties file. */
    public String labelKey() {
        return "permission." + code.replace(':', '.');
    }

    static Optional<Permission> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
