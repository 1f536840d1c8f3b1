/**
 * Registered JDBC targets (数据库目标): the hospital databases (PostgreSQL, MariaDB/MySQL) that database sources read
 * and database destinations write, each named by a code, with a write-only sealed password, a small connection
 * pool per target, a connection test, an API, a console page and the audit trail.
 */
@ApplicationModule
package org.medops.integration.targets;

import org.springframework.modulith.ApplicationModule;
