package org.medops.inspection.backups;

/**
 * A backup that cannot be restored as it is, with a stable reason code ({@code backups.reason.<code>}) and the
 * detail (a table, the exception's message) — what the check reports instead of an exception.
 */
class ArchiveDamaged extends Exception {

    private final String code;
    private final String detail;

    ArchiveDamaged(String code, String detail) {
        super(code + (detail == null ? "" : ": " + detail));
        this.code = code;
        this.detail = detail;
    }

    ArchiveDamaged(String code, String detail, Throwable cause) {
        this(code, detail);
        initCause(cause);
    }

    String code() {
        return code;
    }

    String detail() {
        return detail;
    }
}
