/**
 * Verifying signed documents (签名验证): upload a PDF, or name a document MedOps signed, and learn who signed it,
 * when, with which certificate, whether that certificate is one the platform trusts and whether the document
 * changed since. Every verification is audited with its result.
 */
@ApplicationModule(displayName = "Signatures: verification")
package org.medops.signature.verification;

import org.springframework.modulith.ApplicationModule;
