package org.medops.signature;

/**
 * The hospital's digital-signature system (数字签名认证系统, a CA service) as MedOps sees it: sign a PDF for a
 * person, and verify the signatures a PDF carries. The built-in implementation is a MedOps CA that issues SM2 keys;
 * a hospital's CA is plugged in as another bean of this type (and {@code medops.signature.provider} other than
 * {@code builtin}).
 */
public interface SignatureService {

    /** Embeds a signature of {@code signer} in the PDF (a signature dictionary, /ByteRange, detached CMS). */
    SignedPdf sign(byte[] pdf, Signer signer, String reason);

    /** Every signature the PDF carries: who, when, which certificate, trusted or not, changed since or not. */
    PdfVerification verify(byte[] pdf);
}
