/**
 * Where MedOps keeps its data: an embedded PostgreSQL under the data directory by default, or an
 * external PostgreSQL when {@code MEDOPS_DB_URL} is set. Flyway migrates either one.
 */
package org.medops.database;
