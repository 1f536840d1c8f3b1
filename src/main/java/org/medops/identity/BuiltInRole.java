package org.medops.identity;

import static org.medops.identity.Permission.ACCESS_APPLY;
import static org.medops.identity.Permission.ACCESS_REVIEW;
import static org.medops.identity.Permission.ALERT_ACK;
import static org.medops.identity.Permission.ALERT_READ;
import static org.medops.identity.Permission.ALERT_WRITE;
import static org.medops.identity.Permission.AUDIT_EXPORT;
import static org.medops.identity.Permission.AUDIT_READ;
import static org.medops.identity.Permission.AUDIT_REQUEST_APPROVE;
import static org.medops.identity.Permission.CONFIG_READ;
import static org.medops.identity.Permission.CHANNEL_READ;
import static org.medops.identity.Permission.CHANNEL_WRITE;
import static org.medops.identity.Permission.CONFIG_WRITE;
import static org.medops.identity.Permission.GATEWAY_READ;
import static org.medops.identity.Permission.DATA_CONTENT_READ;
import static org.medops.identity.Permission.DATA_ACCESS_REQUEST;
import static org.medops.identity.Permission.DATA_ACCESS_APPROVE;
import static org.medops.identity.Permission.DATAOPS_READ;
import static org.medops.identity.Permission.DATAOPS_REQUEST;
import static org.medops.identity.Permission.DATAOPS_REVIEW;
import static org.medops.identity.Permission.SERVICE_ACCOUNT_WRITE;
import static org.medops.identity.Permission.TOTP_RESET;
import static org.medops.identity.Permission.PAYMENT_READ;
import static org.medops.identity.Permission.PAYMENT_MERCHANT_WRITE;
import static org.medops.identity.Permission.PAYMENT_REFUND;
import static org.medops.identity.Permission.PAYMENT_RECONCILE;
import static org.medops.identity.Permission.PAYMENT_RESOLVE;
import static org.medops.identity.Permission.PUBLICATION_READ;
import static org.medops.identity.Permission.PUBLICATION_WRITE;
import static org.medops.identity.Permission.PUBLICATION_APPROVE;
import static org.medops.identity.Permission.PUBLICATION_SUBSCRIPTION;
import static org.medops.identity.Permission.IMAGING_READ;
import static org.medops.identity.Permission.IMAGING_WRITE;
import static org.medops.identity.Permission.IMAGING_DISPLAY;
import static org.medops.identity.Permission.REMOTE_READ;
import static org.medops.identity.Permission.REMOTE_REQUEST;
import static org.medops.identity.Permission.REMOTE_APPROVE;
import static org.medops.identity.Permission.SIGNATURE_VERIFY;
import static org.medops.identity.Permission.INSPECTION_READ;
import static org.medops.identity.Permission.INSPECTION_RUN;
import static org.medops.identity.Permission.INSPECTION_SIGN;
import static org.medops.identity.Permission.INSPECTION_WRITE;
import static org.medops.identity.Permission.INTEGRATION_CRITICAL;
import static org.medops.identity.Permission.INTEGRATION_OPERATE;
import static org.medops.identity.Permission.INTEGRATION_READ;
import static org.medops.identity.Permission.INTEGRATION_WRITE;
import static org.medops.identity.Permission.LEDGER_READ;
import static org.medops.identity.Permission.OPSDESK_CONFIRM;
import static org.medops.identity.Permission.OPSDESK_MANAGE;
import static org.medops.identity.Permission.OPSDESK_READ;
import static org.medops.identity.Permission.OPSDESK_REPORT;
import static org.medops.identity.Permission.OPSDESK_WORK;
import static org.medops.identity.Permission.RECORDS_AGREE;
import static org.medops.identity.Permission.RECORDS_READ;
import static org.medops.identity.Permission.RECORDS_WRITE;
import static org.medops.identity.Permission.REPORTING_CONTRACT;
import static org.medops.identity.Permission.REPORTING_FINALIZE;
import static org.medops.identity.Permission.REPORTING_INCIDENT;
import static org.medops.identity.Permission.REPORTING_READ;
import static org.medops.identity.Permission.REPORTING_RECORD;
import static org.medops.identity.Permission.REPORTING_SCORE;
import static org.medops.identity.Permission.REQUEST_APPROVE;
import static org.medops.identity.Permission.ROLE_READ;
import static org.medops.identity.Permission.ROLE_WRITE;
import static org.medops.identity.Permission.SERVICE_READ;
import static org.medops.identity.Permission.SERVICE_TEST;
import static org.medops.identity.Permission.SERVICE_WRITE;
import static org.medops.identity.Permission.TRAFFIC_READ;
import static org.medops.identity.Permission.USER_READ;
import static org.medops.identity.Permission.USER_UNLOCK;
import static org.medops.identity.Permission.USER_WRITE;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles every installation has. The first three are the MLPS level-3 three-role separation, one
 * separated {@link Duty} each (SYSTEM, SECURITY, AUDIT); the others hold only GENERAL permissions.
 * Their permissions are fixed in code, not editable.
 */
enum BuiltInRole {
    SYSTEM_ADMIN(USER_READ, USER_WRITE, USER_UNLOCK, ROLE_READ, CONFIG_READ, CONFIG_WRITE, SERVICE_READ,
            SERVICE_WRITE, CHANNEL_READ, CHANNEL_WRITE, GATEWAY_READ, TRAFFIC_READ, ALERT_READ, ALERT_ACK, ALERT_WRITE,
            ACCESS_APPLY, SERVICE_TEST, OPSDESK_READ, OPSDESK_REPORT, OPSDESK_MANAGE, LEDGER_READ, INTEGRATION_READ,
            INTEGRATION_OPERATE, INTEGRATION_WRITE, INSPECTION_READ, INSPECTION_RUN, INSPECTION_WRITE, REPORTING_READ,
            REPORTING_CONTRACT, RECORDS_READ, SERVICE_ACCOUNT_WRITE, SIGNATURE_VERIFY, PAYMENT_READ, PAYMENT_MERCHANT_WRITE,
            PUBLICATION_READ),
    SECURITY_ADMIN(ROLE_READ, ROLE_WRITE, USER_READ, USER_UNLOCK, REQUEST_APPROVE, TOTP_RESET),
    AUDIT_ADMIN(AUDIT_READ, AUDIT_EXPORT, AUDIT_REQUEST_APPROVE, SIGNATURE_VERIFY),
    OPS_ENGINEER(CONFIG_READ, SERVICE_READ, CHANNEL_READ, GATEWAY_READ, TRAFFIC_READ, ALERT_READ, ALERT_ACK,
            SERVICE_TEST, OPSDESK_READ, OPSDESK_REPORT, OPSDESK_WORK, INTEGRATION_READ, INTEGRATION_OPERATE,
            INSPECTION_READ, INSPECTION_RUN, REPORTING_READ, REPORTING_RECORD, RECORDS_READ, RECORDS_WRITE,
            DATA_CONTENT_READ, DATA_ACCESS_REQUEST, DATAOPS_READ, DATAOPS_REQUEST, REMOTE_READ, REMOTE_REQUEST,
            SIGNATURE_VERIFY, IMAGING_READ, IMAGING_WRITE, IMAGING_DISPLAY),
    /** The vendor's service manager: works tickets, runs the desk's policies, second escalation level. */
    SERVICE_MANAGER(TRAFFIC_READ, ALERT_READ, OPSDESK_READ, OPSDESK_REPORT, OPSDESK_WORK, OPSDESK_MANAGE,
            LEDGER_READ, INSPECTION_READ, REPORTING_READ, REPORTING_RECORD, RECORDS_READ, RECORDS_WRITE,
            DATA_ACCESS_REQUEST, DATAOPS_READ, DATAOPS_REVIEW, REMOTE_READ, REMOTE_REQUEST, SIGNATURE_VERIFY),
    HOSPITAL_REVIEWER(CONFIG_READ, SERVICE_READ, CHANNEL_READ, TRAFFIC_READ, ACCESS_REVIEW, OPSDESK_READ,
            OPSDESK_REPORT, OPSDESK_CONFIRM, LEDGER_READ, INSPECTION_READ, INSPECTION_SIGN, REPORTING_READ,
            REPORTING_RECORD, REPORTING_INCIDENT, REPORTING_SCORE, REPORTING_FINALIZE, RECORDS_READ, RECORDS_AGREE,
            DATA_ACCESS_REQUEST, DATAOPS_READ, DATAOPS_REVIEW, REMOTE_READ, REMOTE_APPROVE, SIGNATURE_VERIFY,
            PUBLICATION_READ, PUBLICATION_APPROVE, PUBLICATION_SUBSCRIPTION),
    /** Hospital staff designated by the information department: report faults, follow them, read the issue ledger. */
    HOSPITAL_STAFF(OPSDESK_READ, OPSDESK_REPORT, LEDGER_READ),
    /** Ward nurses, doctors and the medical affairs office (医务科): the critical-value board and its steps only. */
    CLINICIAN(INTEGRATION_CRITICAL, IMAGING_READ, IMAGING_WRITE),
    DEVELOPER(Permission.DEVELOPER),
    /** The finance office (财务科): orders and refunds, daily reconciliation and its mismatches, insurance clearing. */
    FINANCE(PAYMENT_READ, PAYMENT_REFUND, PAYMENT_RECONCILE, PAYMENT_RESOLVE, SIGNATURE_VERIFY),
    /**
     * Keepers of the hospital's published topic data (医务科, 人事科, 门诊部): write drafts of departments, doctors and
     * clinic schedules; another keeper or the hospital reviewer approves them.
     */
    DATA_PUBLISHER(PUBLICATION_READ, PUBLICATION_WRITE, PUBLICATION_APPROVE),
    /**
     * The hospital's information security committee (信息安全委员会): approves and revokes sensitive-data access;
     * holds no management right and no content right of its own.
     */
    SECURITY_COMMITTEE(DATA_ACCESS_APPROVE, SIGNATURE_VERIFY),
    READ_ONLY(USER_READ, ROLE_READ, CONFIG_READ, SERVICE_READ, CHANNEL_READ, GATEWAY_READ, TRAFFIC_READ,
            ALERT_READ, OPSDESK_READ, INTEGRATION_READ, INSPECTION_READ, REPORTING_READ, RECORDS_READ, DATAOPS_READ,
            REMOTE_READ, SIGNATURE_VERIFY, PAYMENT_READ, PUBLICATION_READ, IMAGING_READ);

    private final Set<Permission> permissions;

    BuiltInRole(Permission first, Permission... rest) {
        this.permissions = EnumSet.of(first, rest);
    }

    Set<Permission> permissions() {
        return permissions;
    }

    /** One of the three separated administrator duties (三员): it holds permissions of a separated duty group. */
    boolean separatedDuty() {
        return !Duty.of(permissions.stream().map(Permission::code).toList()).isEmpty();
    }

    static boolean isBuiltIn(String code) {
        for (BuiltInRole role : values()) {
            if (role.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    static boolean isSeparatedDuty(String code) {
        return isBuiltIn(code) && valueOf(code).separatedDuty();
    }
}
