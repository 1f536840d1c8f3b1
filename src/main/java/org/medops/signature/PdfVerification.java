package org.medops.signature;

import java.time.Instant;
import java.util.List;

/**
 * What a PDF's signatures say. {@code status}: {@code valid} (every signature holds, by a trusted certificate,
 * and nothing was changed after the last one), {@code changed} (a signed byte differs, or content was added after
 * signing), {@code untrusted} (the signature holds but the certificate was not issued by a known CA),
 * {@code invalid} (a signature is not readable or does not verify), {@code unsigned}.
 */
public record PdfVerification(String status, List<Check> signatures) {

    public boolean valid() {
        return "valid".equals(status);
    }

    /**
     * One signature: {@code intact} when the CMS signature verifies over the signed byte ranges; {@code
     * coversDocument} when those ranges end at the end of the file (nothing appended since).
     */
    public record Check(String name, String signerCommonName, String signerAccount, String certificateSerial,
                        String certificateIssuer, String algorithm, Instant signedAt, String reason, boolean trusted,
                        boolean intact, boolean coversDocument, String status) {
    }

    static String overall(List<Check> checks) {
        if (checks.isEmpty()) {
            return "unsigned";
        }
        for (String worst : List.of("invalid", "changed", "untrusted")) {
            if (checks.stream().anyMatch(c -> c.status().equals(worst))) {
                return worst;
            }
        }
        return "valid";
    }

    public static PdfVerification of(List<Check> checks) {
        return new PdfVerification(overall(checks), List.copyOf(checks));
    }
}
