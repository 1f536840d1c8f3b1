/**
 * The check catalogue (检查项目录): what can be checked on each kind of target (hosts over SSH, PostgreSQL and
 * MySQL/MariaDB over JDBC, HTTP(S) endpoints, Kubernetes clusters, MedOps itself), each check with the seeds'
 * threshold as its default, and the probes that measure them and keep the command or query with its trimmed
 * output as evidence. Knows nothing of rounds or of how targets are stored.
 */
@ApplicationModule(displayName = "Inspection checks")
package org.medops.inspection.checks;

import org.springframework.modulith.ApplicationModule;
