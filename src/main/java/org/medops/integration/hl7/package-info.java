/**
 * HL7 v2 as text: lenient parsing (HAPI's escape rules and encoding characters) into segments, the
 * documented JSON form addressed by {@code PID-3.1} paths, the character set a message declares
 * (MSH-18), acknowledgements (AA/AE/AR with MSA-3 and ERR) and the masking of patient identifiers.
 */
@ApplicationModule
package org.medops.integration.hl7;

import org.springframework.modulith.ApplicationModule;
