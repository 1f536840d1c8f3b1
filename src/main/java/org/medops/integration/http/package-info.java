/**
 * HTTP sources (HTTP 监听, FHIR 监听): non-blocking Vert.x HTTP listeners per enabled channel. The HTTP listener
 * takes POSTs of any data type at one path; the FHIR R4 listener takes {@code POST [base]/{type}} of the resource
 * types it lists and answers {@code GET [base]/metadata}. Each answers only after the message is committed.
 */
@ApplicationModule
package org.medops.integration.http;

import org.springframework.modulith.ApplicationModule;
