/**
 * The built-in signature service: a MedOps CA whose SM2 root key is created on first use and kept sealed, which
 * issues each signer (person) an SM2 key and certificate, and signs PDFs with a detached CMS (SM3withSM2) in a PDF
 * signature dictionary. Private keys never leave the database unsealed and are never shown.
 */
@ApplicationModule(displayName = "Signatures: MedOps CA")
package org.medops.signature.ca;

import org.springframework.modulith.ApplicationModule;
