package org.medops.records.versions;

/** The two documents of an upgrade: the assessment report (评估报告) and the upgrade plan (升级方案). */
enum UpgradeDocument {
    ASSESSMENT, PLAN;

    /** As the API's paths and the archive's keys spell it. */
    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static UpgradeDocument of(String code) {
        for (UpgradeDocument d : values()) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw org.medops.shared.ProblemException.notFound("upgrade-document", code);
    }
}
