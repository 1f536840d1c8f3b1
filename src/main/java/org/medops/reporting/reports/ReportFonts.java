package org.medops.reporting.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK TrueType font the PDF embeds and the charts draw with, found as inspection's reports find theirs: the
 * configured file, else Debian's Droid Sans Fallback, else Windows' SimHei.
 */
@Component
class ReportFonts {

    private static final List<Path> KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"));
    static final Path SYMBOLS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final String configured;
    private volatile Font chartFont;
    private volatile Font latinFont;

    ReportFonts(@Value("${medops.reporting.pdf-font:${medops.inspection.pdf-font:${medops.opsdesk.pdf-font:}}}")
                String configured) {
        this.configured = configured;
    }

    Optional<Path> cjk() {
        Stream<Path> own = configured.isBlank() ? Stream.empty() : Stream.of(Path.of(configured));
        return Stream.concat(own, KNOWN.stream()).filter(Files::isReadable).findFirst();
    }

    /** The charts' base font at 12 pt; the JDK's sans serif when no CJK file is there. */
    Font chart() {
        Font font = chartFont;
        if (font == null) {
            font = cjk().map(ReportFonts::load).orElseGet(() -> new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            chartFont = font;
        }
        return font;
    }

    /**
     * The charts' font for digits and Latin letters, which Droid Sans Fallback lacks: DejaVu Sans where Debian has
     * it, else the JDK's sans serif.
     */
    Font latin() {
        Font font = latinFont;
        if (font == null) {
            font = Files.isReadable(SYMBOLS) ? load(SYMBOLS) : new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            latinFont = font;
        }
        return font;
    }

    private static Font load(Path path) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, path.toFile()).deriveFont(Font.PLAIN, 12f);
        } catch (FontFormatException | IOException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
    }
}
