package org.medops.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every permission code the platform checks, grouped by module, each in one duty group. Code strings
 * are what {@code @PreAuthorize("hasAuthority('…')")} names; labels come from {@code permission.<code>}.
 */
enum Permission {
    USER_READ("identity:user:read", Duty.GENERAL),
    USER_WRITE("identity:user:write", Duty.SYSTEM),
    USER_UNLOCK("identity:user:unlock", Duty.GENERAL),
    ROLE_READ("identity:role:read", Duty.GENERAL),
    ROLE_WRITE("identity:role:write", Duty.SECURITY),
    AUDIT_READ("audit:read", Duty.AUDIT),
    AUDIT_EXPORT("audit:export", Duty.AUDIT),
    /** Approves what the system duty proposes for system and audit administrators' accounts. */
    REQUEST_APPROVE("identity:request:approve", Duty.SECURITY),
    /** Approves what the system duty proposes for security administrators' accounts. */
    AUDIT_REQUEST_APPROVE("audit:request:approve", Duty.AUDIT),
    CONFIG_READ("system:config:read", Duty.GENERAL),
    CONFIG_WRITE("system:config:write", Duty.SYSTEM),
    SERVICE_READ("catalog:service:read", Duty.GENERAL),
    SERVICE_WRITE("catalog:service:write", Duty.SYSTEM),
    CHANNEL_READ("catalog:channel:read", Duty.GENERAL),
    CHANNEL_WRITE("catalog:channel:write", Duty.SYSTEM),
    GATEWAY_READ("gateway:node:read", Duty.GENERAL),
    TRAFFIC_READ("traffic:read", Duty.GENERAL),
    ALERT_READ("alert:read", Duty.GENERAL),
    ALERT_ACK("alert:ack", Duty.GENERAL),
    ALERT_WRITE("alert:write", Duty.SYSTEM),
    ACCESS_APPLY("access:apply", Duty.GENERAL),
    ACCESS_REVIEW("access:review", Duty.GENERAL),
    SERVICE_TEST("portal:service-test", Duty.GENERAL),
    DEVELOPER("portal:developer", Duty.GENERAL),
    OPSDESK_READ("opsdesk:read", Duty.GENERAL),
    OPSDESK_REPORT("opsdesk:report", Duty.GENERAL),
    OPSDESK_WORK("opsdesk:work", Duty.GENERAL),
    OPSDESK_CONFIRM("opsdesk:confirm", Duty.GENERAL),
    OPSDESK_MANAGE("opsdesk:manage", Duty.GENERAL),
    LEDGER_READ("opsdesk:ledger", Duty.GENERAL),
    INTEGRATION_READ("integration:read", Duty.GENERAL),
    /** Enable and disable channels, reprocess messages: running the engine, not configuring it. */
    INTEGRATION_OPERATE("integration:operate", Duty.GENERAL),
    /** Channel documents are platform configuration, like the gateway's catalog. */
    INTEGRATION_WRITE("integration:write", Duty.SYSTEM),
    /** Message content with patient identifiers unmasked; no management right implies it. */
    INTEGRATION_DATA("integration:data", Duty.GENERAL),
    /**
     * The critical-value loop for clinical staff (ward nurses, doctors, 医务科): read the board and the report,
     * acknowledge and handle values; no right on the engine, patient identifiers masked without integration:data.
     */
    INTEGRATION_CRITICAL("integration:critical", Duty.GENERAL),
    INSPECTION_READ("inspection:read", Duty.GENERAL),
    /** Run a round now; the schedules run theirs without anyone. */
    INSPECTION_RUN("inspection:run", Duty.GENERAL),
    /** Targets hold credentials of the hospital's servers and databases: platform configuration. */
    INSPECTION_WRITE("inspection:write", Duty.SYSTEM),
    /** The information department's sign-off of an inspection report; it freezes the report. */
    INSPECTION_SIGN("inspection:sign", Duty.GENERAL),
    REPORTING_READ("reporting:read", Duty.GENERAL),
    /** Support calls, visits, trainings, data extractions: the duty engineer's and the hospital's log. */
    REPORTING_RECORD("reporting:record", Duty.GENERAL),
    /** Complaints, conduct and data-security incidents: entered by the hospital, never by the vendor. */
    REPORTING_INCIDENT("reporting:incident", Duty.GENERAL),
    /** The reviewing departments (考评科室) adjust a draft scorecard. */
    REPORTING_SCORE("reporting:score", Duty.GENERAL),
    /** The hospital finalises a quarter's card, which freezes it, and records invoices and payments. */
    REPORTING_FINALIZE("reporting:finalize", Duty.GENERAL),
    /** Contracts, their scorecard items and payment milestones are platform configuration. */
    REPORTING_CONTRACT("reporting:contract", Duty.SYSTEM),
    RECORDS_READ("records:read", Duty.GENERAL),
    RECORDS_WRITE("records:write", Duty.GENERAL),
    /** The hospital's agreement to assessments, plans and milestones, and its signature on documents. */
    RECORDS_AGREE("records:agree", Duty.GENERAL),
    /**
     * Data rights (数据权): open content that may identify patients or show medical data (captured gateway bodies
     * and headers, message content, ticket attachments), still masked; no administrator role holds it.
     */
    DATA_CONTENT_READ("data:content:read", Duty.GENERAL),
    /** Ask the security committee for a time-limited view of one scope's unmasked content. */
    DATA_ACCESS_REQUEST("data:access:request", Duty.GENERAL),
    /** The information security committee (信息安全委员会): approves and revokes sensitive-data access. */
    DATA_ACCESS_APPROVE("data:access:approve", Duty.GENERAL),
    DATAOPS_READ("dataops:read", Duty.GENERAL),
    /** Draft and preview a data operation on a hospital database (异常数据调整, 数据修复), execute it once approved. */
    DATAOPS_REQUEST("dataops:request", Duty.GENERAL),
    /** The second person (双人复核): approves or refuses another's data operation. */
    DATAOPS_REVIEW("dataops:review", Duty.GENERAL),
    /** Service accounts and their scoped, expiring API keys for scripts and other systems. */
    SERVICE_ACCOUNT_WRITE("identity:service-account:write", Duty.SYSTEM),
    /** Resets another account's second factor: it enrols again at its next sign-in. */
    TOTP_RESET("identity:totp:reset", Duty.SECURITY),
    REMOTE_READ("remote:read", Duty.GENERAL),
    /** A vendor engineer asks for a remote-maintenance window on a system. */
    REMOTE_REQUEST("remote:request", Duty.GENERAL),
    /** The hospital's permission for remote maintenance (院内许可). */
    REMOTE_APPROVE("remote:approve", Duty.GENERAL),
    /** Verify an electronic signature: who signed what, and whether the document changed since. */
    SIGNATURE_VERIFY("signature:verify", Duty.GENERAL),
    /** Merchants, orders, refunds and daily totals (payers masked). */
    PAYMENT_READ("payment:read", Duty.GENERAL),
    /** Registers and changes merchant numbers, their keys, certificates and routing rules. */
    PAYMENT_MERCHANT_WRITE("payment:merchant:write", Duty.SYSTEM),
    /** Refunds an order from the console (the finance office's manual refund). */
    PAYMENT_REFUND("payment:refund", Duty.GENERAL),
    /** Runs reconciliation: downloads or uploads bills and HIS records, reads runs and mismatches (对账). */
    PAYMENT_RECONCILE("payment:reconcile", Duty.GENERAL),
    /** Resolves mismatches (补单, 退款, 调账, 线下处理) and closes a reconciled day. */
    PAYMENT_RESOLVE("payment:resolve", Duty.GENERAL),
    /** Department, doctor and schedule topic data with their versions and subscriptions. */
    PUBLICATION_READ("publication:read", Duty.GENERAL),
    /** Writes drafts of topic data and code tables, imports them. */
    PUBLICATION_WRITE("publication:write", Duty.GENERAL),
    /** The second person: approves or refuses another's draft, which publishes it (数据发布审核). */
    PUBLICATION_APPROVE("publication:approve", Duty.GENERAL),
    /** The data owner: approves, suspends or ends channels' and systems' subscriptions. */
    PUBLICATION_SUBSCRIPTION("publication:subscription", Duty.GENERAL),
    /** Studies, series and the viewer; patient identifiers masked unless the data right allows them. */
    IMAGING_READ("imaging:read", Duty.GENERAL),
    /** Stores DICOM instances, saves measurements and key images. */
    IMAGING_WRITE("imaging:write", Duty.GENERAL),
    /** Records the calibration of medical displays (医用显示器校准). */
    IMAGING_DISPLAY("imaging:display", Duty.GENERAL);

    private final String code;
    private final Duty duty;

    Permission(String code, Duty duty) {
        this.code = code;
        this.duty = duty;
    }

    public String code() {
        return code;
    }

    /** The duty group the permission belongs to; see {@link Duty}. */
    public Duty duty() {
        return duty;
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
