package org.medops.reporting.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Draws a block's bar chart as a PNG on the server (Java2D, headless), so the PDF, the Word copy and the page
 * carry the same picture without a browser: grouped vertical bars, a value axis with round steps, the series'
 * legend; each character of a label in the Latin font when it has the glyph, else in the CJK font (Droid Sans
 * Fallback has no digits).
 */
@Component
class ReportCharts {

    static final int WIDTH = 960;
    static final int HEIGHT = 400;
    private static final Color[] PALETTE = {new Color(0x20, 0x6b, 0xc4), new Color(0xd6, 0x39, 0x39),
            new Color(0x2f, 0xb3, 0x44), new Color(0xf7, 0x67, 0x07), new Color(0x74, 0x59, 0xd9)};
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 70;
    private static final int BOTTOM = 90;
    private static final float TEXT = 17f;

    private final ReportFonts fonts;

    ReportCharts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    byte[] png(ReportBlock.Chart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, chart);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String dataUri(ReportBlock.Chart chart) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart));
    }

    private void draw(Graphics2D g, ReportBlock.Chart chart) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Color ink = new Color(0x1d, 0x27, 0x3b);
        Color muted = new Color(0x66, 0x70, 0x85);
        text(g, chart.title(), LEFT, 32, 21f, true, ink);
        legend(g, chart.series(), ink);

        double max = chart.series().stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        double step = step(max);
        double top = Math.max(step, Math.ceil(max / step) * step);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = TOP + plotHeight;
        for (double v = 0; v <= top + step / 2; v += step) {
            int y = baseline - (int) Math.round(v / top * plotHeight);
            g.setColor(new Color(0xe6, 0xe7, 0xe9));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            String label = number(v);
            text(g, label, LEFT - 8 - width(g, label, TEXT, false), y + 6, TEXT, false, muted);
        }
        text(g, chart.unit(), 8, TOP - 14, TEXT, false, muted);

        int groups = chart.categories().size();
        int series = chart.series().size();
        double groupWidth = (double) plotWidth / Math.max(1, groups);
        double barWidth = Math.min(56, groupWidth * 0.7 / series);
        for (int i = 0; i < groups; i++) {
            double groupLeft = LEFT + i * groupWidth + (groupWidth - barWidth * series) / 2;
            for (int s = 0; s < series; s++) {
                double value = chart.series().get(s).values().get(i);
                int h = (int) Math.round(value / top * plotHeight);
                int x = (int) Math.round(groupLeft + s * barWidth);
                g.setColor(PALETTE[s % PALETTE.length]);
                g.fillRect(x, baseline - h, (int) Math.max(1, barWidth - 2), h);
                if (value > 0) {
                    String label = number(value);
                    text(g, label, x + (float) (barWidth - 2 - width(g, label, TEXT, false)) / 2, baseline - h - 5,
                            TEXT, false, ink);
                }
            }
            category(g, chart.categories().get(i), LEFT + i * groupWidth + groupWidth / 2, baseline, groupWidth,
                    groups > 6, ink);
        }
        g.setColor(muted);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, baseline, LEFT + plotWidth, baseline);
    }

    private void legend(Graphics2D g, List<ReportBlock.Series> series, Color ink) {
        float x = WIDTH - RIGHT;
        for (int s = series.size() - 1; s >= 0; s--) {
            String name = series.get(s).name();
            x -= width(g, name, TEXT, false) + 30;
            g.setColor(PALETTE[s % PALETTE.length]);
            g.fillRect((int) x, 18, 16, 16);
            text(g, name, x + 21, 32, TEXT, false, ink);
        }
    }

    /** A category label under its bars: shortened to fit, turned when many categories crowd the axis. */
    private void category(Graphics2D g, String label, double centre, int baseline, double width, boolean turn,
                          Color ink) {
        String text = label;
        double room = turn ? BOTTOM * 1.3 : width - 6;
        while (text.length() > 1 && width(g, text, TEXT, false) > room) {
            text = text.substring(0, text.length() - 2) + "…";
        }
        if (!turn) {
            text(g, text, (float) (centre - width(g, text, TEXT, false) / 2), baseline + 24, TEXT, false, ink);
            return;
        }
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 6, centre, baseline + 14);
        text(g, text, (float) centre - width(g, text, TEXT, false), baseline + 20, TEXT, false, ink);
        g.setTransform(saved);
    }

    private void text(Graphics2D g, String text, float x, float y, float size, boolean bold, Color colour) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setColor(colour);
        g.drawString(styled(text, size, bold).getIterator(), x, y);
    }

    private float width(Graphics2D g, String text, float size, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return new TextLayout(styled(text, size, bold).getIterator(), g.getFontRenderContext()).getAdvance();
    }

    private AttributedString styled(String text, float size, boolean bold) {
        int style = bold ? Font.BOLD : Font.PLAIN;
        Font latin = fonts.latin().deriveFont(style, size);
        Font cjk = fonts.chart().deriveFont(style, size);
        AttributedString styled = new AttributedString(text);
        for (int i = 0; i < text.length(); i++) {
            styled.addAttribute(TextAttribute.FONT, latin.canDisplay(text.charAt(i)) ? latin : cjk, i, i + 1);
        }
        return styled;
    }

    /** A round step giving four to ten grid lines: 1, 2 or 5 times a power of ten. */
    static double step(double max) {
        if (max <= 5) {
            return 1;
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value);
    }
}
