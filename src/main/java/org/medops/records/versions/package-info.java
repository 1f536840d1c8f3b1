/**
 * Versions and upgrades (版本管理, 产品升级): the versions in use per managed system with their history and manuals,
 * and upgrades — an ops desk change with an assessment report and an upgrade plan the hospital agrees to before the
 * change may be authorized; a successful change registers the new version.
 */
@ApplicationModule(displayName = "Records versions and upgrades")
package org.medops.records.versions;

import org.springframework.modulith.ApplicationModule;
