package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of an archived PDF, as a reader's viewer would extract it; fails when the bytes are not a PDF. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        assertThat(new String(pdf, 0, Math.min(5, pdf.length), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("a PDF file").isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
