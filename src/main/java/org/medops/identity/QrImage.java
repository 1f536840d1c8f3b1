package org.medops.identity;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG path, drawn on the server so the enrolment's secret never leaves the page for an image service:
 * {@code size} modules square including the quiet zone, {@code path} one unit square per dark module.
 */
record QrImage(int size, String path) {

    private static final int QUIET = 4;

    /** Medium error correction: what authenticator apps scan from a screen without trouble. */
    static QrImage of(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + QUIET).append(',').append(y + QUIET).append("h1v1h-1z");
                }
            }
        }
        return new QrImage(code.size + 2 * QUIET, path.toString());
    }

    /** The SVG's view box. */
    public String viewBox() {
        return "0 0 " + size + " " + size;
    }
}
