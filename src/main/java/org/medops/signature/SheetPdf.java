package org.medops.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prints a {@link Sheet} on A4 with PDFBox and an embedded CJK TrueType font (the configured one, else Debian's
 * Droid Sans Fallback, as for the other PDFs); a character the font lacks prints as "?" rather than failing.
 */
@Component
class SheetPdf {

    private static final List<Path> KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"));
    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 17;

    private final String configuredFont;

    SheetPdf(@Value("${medops.signature.pdf-font:${medops.opsdesk.pdf-font:}}") String configuredFont) {
        this.configuredFont = configuredFont;
    }

    Optional<Path> font() {
        Stream<Path> configured = configuredFont.isBlank() ? Stream.empty() : Stream.of(Path.of(configuredFont));
        return Stream.concat(configured, KNOWN_FONTS.stream()).filter(Files::isReadable).findFirst();
    }

    byte[] print(Sheet sheet, Path fontFile) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, fontFile.toFile());
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            for (Sheet.Line line : sheet.lines()) {
                String text = line.label() == null ? safe(font, line.value()) : safe(font, line.label() + "：" + line.value());
                for (String paragraph : text.split("\\R", -1)) {
                    lines.addAll(wrap(font, paragraph, width));
                }
            }
            PDPageContentStream content = null;
            float y = 0;
            boolean first = true;
            for (String line : lines) {
                if (content == null || y < MARGIN) {
                    if (content != null) {
                        content.endText();
                        content.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    content = new PDPageContentStream(document, page);
                    y = PDRectangle.A4.getHeight() - MARGIN;
                    if (first) {
                        content.beginText();
                        content.setFont(font, 16);
                        content.newLineAtOffset(MARGIN, y);
                        content.showText(safe(font, sheet.title()));
                        content.endText();
                        y -= 32;
                        first = false;
                    }
                    content.beginText();
                    content.setFont(font, SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, y);
                }
                content.showText(line);
                content.newLine();
                y -= LEADING;
            }
            if (content != null) {
                content.endText();
                content.close();
            } else {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(PDType0Font font, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String next = current.toString() + new String(Character.toChars(cp));
            if (!current.isEmpty() && font.getStringWidth(next) / 1000 * SIZE > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        lines.add(current.toString());
        return lines;
    }

    private static String safe(PDType0Font font, String text) {
        if (text == null) {
            return "—";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String c = cp == '\t' ? " " : new String(Character.toChars(cp));
            if (c.equals("\n") || c.equals("\r")) {
                out.append(c);
                return;
            }
            try {
                font.encode(c);
                out.append(c);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
