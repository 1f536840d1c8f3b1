/**
 * Database connectors on registered JDBC targets: a source that polls a query (each row one JSON message, stored,
 * then marked in the source database; one node polls a channel at a time under a PostgreSQL advisory lock) and a
 * destination that runs a statement with named parameters from the message's JSON, one transaction per message.
 */
@ApplicationModule
package org.medops.integration.jdbc;

import org.springframework.modulith.ApplicationModule;
