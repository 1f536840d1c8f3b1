/**
 * Intake (接收): the one path every source's input takes — decode (the channel's charset; MSH-18 for HL7),
 * parse as the source's data type, filter and transform, group-commit store, and only then answer — and the
 * deployer that keeps this node's listeners (MLLP, HTTP, FHIR, file readers) in line with the stored channels.
 */
@ApplicationModule
package org.medops.integration.intake;

import org.springframework.modulith.ApplicationModule;
