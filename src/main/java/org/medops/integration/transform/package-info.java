/**
 * Filters and transformers (过滤与转换): a channel's filter (a JSONata boolean over the HL7 JSON form) and
 * its transformer (declarative mapping steps — HL7 path to output path, constants, code-table lookups —
 * and JSONata expressions) applied to a parsed message.
 */
@ApplicationModule
package org.medops.integration.transform;

import org.springframework.modulith.ApplicationModule;
