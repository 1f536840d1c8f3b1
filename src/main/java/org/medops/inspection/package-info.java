/**
 * Inspection (巡检): the servers, databases, endpoints, clusters and MedOps itself that the vendor inspects, the
 * checks run on them in rounds (daily, quarterly, database performance, backup check), the report the
 * information department signs, failing checks as ops-desk tickets, and the backups of MedOps's own database.
 * Its features are nested modules.
 */
package org.medops.inspection;
