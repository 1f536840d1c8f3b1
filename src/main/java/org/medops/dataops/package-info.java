/**
 * Dual-reviewed database operations (核心数据库操作双人复核): data fixes on hospital databases drafted with their rollback, previewed in a rolled-back transaction, approved by a second person, executed once against the expected row count. Its features are nested modules.
 */
package org.medops.dataops;
