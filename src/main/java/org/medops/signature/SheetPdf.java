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
 * Droid Sans Fallback, as for the other PDFs) and DejaVu Sans for Latin text; a character neither has prints as
 * "?" rather than failing.
 */
@Component
class SheetPdf {

    private static final List<Path> KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"));
    private static final Path LATIN = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
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
            List<PDType0Font> fonts = new ArrayList<>();
            fonts.add(PDType0Font.load(document, fontFile.toFile()));
            // The CJK fallback font has no Latin letters or digits: those come from DejaVu where Debian has it.
            if (Files.isReadable(LATIN)) {
                fonts.add(PDType0Font.load(document, LATIN.toFile()));
            }
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<List<Run>> lines = new ArrayList<>();
            for (Sheet.Line line : sheet.lines()) {
                String text = line.label() == null ? orDash(line.value()) : line.label() + "：" + orDash(line.value());
                for (String paragraph : text.split("\\R", -1)) {
                    lines.addAll(wrap(runs(fonts, paragraph), SIZE, width));
                }
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDPageContentStream content = new PDPageContentStream(document, page);
            float y = PDRectangle.A4.getHeight() - MARGIN;
            show(content, runs(fonts, orDash(sheet.title())), 16, MARGIN, y);
            y -= 32;
            for (List<Run> line : lines) {
                if (y < MARGIN) {
                    content.close();
                    page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    content = new PDPageContentStream(document, page);
                    y = PDRectangle.A4.getHeight() - MARGIN;
                }
                show(content, line, SIZE, MARGIN, y);
                y -= LEADING;
            }
            content.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stretch of text in one font. */
    private record Run(PDType0Font font, String text) {
        float width(float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }

    private static void show(PDPageContentStream content, List<Run> runs, float size, float x, float y)
            throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Run run : runs) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
    }

    /** Each character in the first font that has it; one no font has becomes "?" (or is left out). */
    private static List<Run> runs(List<PDType0Font> fonts, String text) {
        List<Run> runs = new ArrayList<>();
        PDType0Font currentFont = null;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String c = cp == '\t' ? " " : new String(Character.toChars(cp));
            PDType0Font font = fontFor(fonts, c);
            if (font == null) {
                c = "?";
                font = fontFor(fonts, c);
                if (font == null) {
                    continue;
                }
            }
            if (font != currentFont && !current.isEmpty()) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.append(c);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    private static PDType0Font fontFor(List<PDType0Font> fonts, String c) {
        for (PDType0Font font : fonts) {
            try {
                font.encode(c);
                return font;
            } catch (IllegalArgumentException | IOException e) {
                // not in this font; try the next
            }
        }
        return null;
    }

    /** Breaks a line of runs where it would pass the right margin, character by character. */
    private static List<List<Run>> wrap(List<Run> runs, float size, float width) throws IOException {
        List<List<Run>> lines = new ArrayList<>();
        List<Run> line = new ArrayList<>();
        float used = 0;
        for (Run run : runs) {
            StringBuilder part = new StringBuilder();
            for (int i = 0; i < run.text().length(); ) {
                int cp = run.text().codePointAt(i);
                i += Character.charCount(cp);
                String c = new String(Character.toChars(cp));
                float w = new Run(run.font(), c).width(size);
                if (used + w > width && (used > 0)) {
                    if (!part.isEmpty()) {
                        line.add(new Run(run.font(), part.toString()));
                        part.setLength(0);
                    }
                    lines.add(line);
                    line = new ArrayList<>();
                    used = 0;
                }
                part.append(c);
                used += w;
            }
            if (!part.isEmpty()) {
                line.add(new Run(run.font(), part.toString()));
            }
        }
        lines.add(line);
        return lines;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
