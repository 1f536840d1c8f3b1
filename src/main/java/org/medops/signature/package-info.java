/**
 * Electronic signatures (电子签名): documents signed through the hospital's signature system (an SPI) or the built-in SM2 CA, signatures embedded in the PDF, verification of who signed what and whether it changed since. Its features are nested modules.
 */
package org.medops.signature;
