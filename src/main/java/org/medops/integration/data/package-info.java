/**
 * Data types (数据类型) a source takes: HL7 v2, JSON, XML, FHIR R4 (JSON) and delimited text (CSV/TSV), each
 * parsed into a {@link org.medops.integration.data.Payload}: its JSON form (what filters and JSONata see), values
 * by path (an HL7 path or a dotted JSON path), and its control id and type where the format has them.
 */
@ApplicationModule
package org.medops.integration.data;

import org.springframework.modulith.ApplicationModule;
