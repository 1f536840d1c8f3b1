/**
 * Excel imports of topic data (导入): the workbook's first row names the fields, each further row is a record; the
 * preview shows per line what would be new or changed (field by field) and which lines are bad and why; confirming
 * writes all changed rows as drafts at once, and a workbook with any bad line changes nothing.
 */
@ApplicationModule(displayName = "Publication imports")
package org.medops.publication.imports;

import org.springframework.modulith.ApplicationModule;
