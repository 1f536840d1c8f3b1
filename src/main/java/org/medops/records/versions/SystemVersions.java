package org.medops.records.versions;

import java.time.LocalDate;
import java.util.List;

/**
 * A system's versions page (and its API answer): the version in use, the yearly cadence, whether a newer version
 * is on its way through an upgrade, the history with each version's documents, and the system's upgrades.
 *
 * @param pendingTarget the target version of an upgrade not yet concluded, or null
 * @param latestRelease the vendor's newest released version (seed 002: keep the hospital on it), null when none is
 *                      registered
 * @param onLatest      a version runs, no upgrade is under way, and the latest release is installed
 */
record SystemVersions(String systemCode, String systemName, InstalledVersion current, VersionCadence cadence,
                      LocalDate nextVersionDue, String pendingTarget, VersionRelease latestRelease, boolean onLatest,
                      List<VersionRelease> releases, List<Entry> history, List<UpgradeSummary> upgrades) {

    record Entry(InstalledVersion version, List<VersionDocument> documents) {
    }

    record UpgradeSummary(long id, String title, String fromVersion, String targetVersion, UpgradeStatus status,
                          DocumentState assessmentState, DocumentState planState, long changeId) {
    }

    /** One row of the overview of all systems. */
    record Overview(String systemCode, String systemName, String version, LocalDate installedOn,
                    VersionCadence cadence, LocalDate nextVersionDue, String pendingTarget, String latestRelease,
                    boolean onLatest) {
    }
}
