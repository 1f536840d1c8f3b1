/**
 * Inspection targets (巡检目标): the hosts, databases, endpoints, clusters and MedOps itself that rounds check, each
 * with its connection (the password, private key, token or kubeconfig sealed, never shown again), the check
 * settings that differ from the catalogue's defaults, and the hospital system a failing check's ticket is filed
 * against. The connection is tested on every save and the answer says how it went; a target is retired, never
 * deleted, because rounds name it.
 */
@ApplicationModule(displayName = "Inspection targets")
package org.medops.inspection.targets;

import org.springframework.modulith.ApplicationModule;
