package org.medops.records;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's own records (emergency plans, drill records, upgrade assessments and plans, fault-location reports,
 * repair confirmations) as the PDF files the handover package hands over, printed from the document's text: the
 * first line is the title, lines like "一、…" are headings. openhtmltopdf with a CJK TrueType font found as the
 * service report finds its own (the configured file, else Debian's Droid Sans Fallback, else SimHei) and DejaVu Sans
 * for the signs it lacks. Without such a font the document stays the text file it was.
 *
 * <p>The same text always gives the same bytes — no creation date, a document id derived from the text — because the
 * archive files a new version whenever the bytes change, and it collects every ten minutes. Printed files are kept
 * in a small cache by their text for the same reason.
 */
@Component
public class RecordPdf {

    public static final String PDF = "application/pdf";
    private static final List<Path> KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"));
    private static final Path SYMBOLS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");
    private static final int CACHED = 512;

    private final String configuredFont;
    private final Map<String, byte[]> printed = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    RecordPdf(@Value("${medops.records.pdf-font:${medops.reporting.pdf-font:${medops.opsdesk.pdf-font:}}}")
              String configuredFont) {
        this.configuredFont = configuredFont;
    }

    Optional<Path> font() {
        Stream<Path> own = configuredFont.isBlank() ? Stream.empty() : Stream.of(Path.of(configuredFont));
        return Stream.concat(own, KNOWN_FONTS.stream()).filter(Files::isReadable).findFirst();
    }

    /**
     * The document as a PDF (file name ending in {@code .pdf}, same key, type and dates) when it is a text document
     * and a CJK font exists; otherwise unchanged.
     */
    public ArchiveSource.Document asPdf(ArchiveSource.Document text) {
        Optional<Path> font = font();
        if (font.isEmpty() || text.contentType() == null || !text.contentType().startsWith("text/plain")) {
            return text;
        }
        String body = new String(text.content(), StandardCharsets.UTF_8);
        String name = text.fileName().endsWith(".txt")
                ? text.fileName().substring(0, text.fileName().length() - 4) + ".pdf" : text.fileName() + ".pdf";
        return new ArchiveSource.Document(text.sourceKey(), text.type(), text.system(), text.title(), text.version(),
                text.at(), text.author(), text.signedBy(), name, PDF, print(body, font.get()));
    }

    /** A file as the features store it: name, content type, bytes. */
    public record File(String name, String contentType, byte[] content) {
    }

    /**
     * A text written as a file — the PDF a hospital would receive (the demo's manuals, training material, project
     * reports) when a CJK font exists, else the text file {@code textFileName} itself.
     */
    public File file(String textFileName, String text) {
        Optional<Path> font = font();
        if (font.isEmpty()) {
            return new File(textFileName, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
        }
        String name = textFileName.endsWith(".txt") ? textFileName.substring(0, textFileName.length() - 4) + ".pdf"
                : textFileName + ".pdf";
        return new File(name, PDF, print(text, font.get()));
    }

    byte[] print(String text, Path font) {
        String key = sha256(text);
        synchronized (printed) {
            byte[] kept = printed.get(key);
            if (kept != null) {
                return kept;
            }
        }
        byte[] pdf = render(text, font, key);
        synchronized (printed) {
            printed.put(key, pdf);
        }
        return pdf;
    }

    private static byte[] render(String text, Path font, String key) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(font.toFile(), "medops-cjk");
        if (Files.isReadable(SYMBOLS)) {
            builder.useFont(SYMBOLS.toFile(), "medops-symbols");
        }
        builder.withHtmlContent(html(text), null);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument doc = renderer.getPdfDocument();
            doc.getDocumentInformation().setCreationDate(null);
            doc.getDocumentInformation().setModificationDate(null);
            // PDFBox would otherwise derive the trailer's id from the clock.
            COSArray id = new COSArray();
            id.add(new COSString(key.substring(0, 32)));
            id.add(new COSString(key.substring(0, 32)));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(String text) {
        String[] lines = text.strip().split("\\R", -1);
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/><title>""")
                .append(escape(lines[0])).append("""
                </title><style>@page { size: A4; margin: 20mm; }
                body { font-family: "medops-cjk", "medops-symbols", sans-serif; font-size: 11pt; line-height: 1.6; }
                h1 { font-size: 18pt; text-align: center; margin: 0 0 12pt; }
                h2 { font-size: 13pt; margin: 12pt 0 4pt; }
                p { margin: 0; white-space: pre-wrap; }</style></head><body>""");
        html.append("<h1>").append(escape(lines[0])).append("</h1>");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            html.append(HEADING.matcher(line).matches() ? "<h2>" : "<p>").append(escape(line))
                    .append(HEADING.matcher(line).matches() ? "</h2>" : "</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // Control characters are not allowed in XHTML; the text is the user's.
                    if (c >= 0x20 || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
