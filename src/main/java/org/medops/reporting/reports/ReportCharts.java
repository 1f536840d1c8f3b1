package org.medops.reporting.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Draws a block's bar chart as a PNG on the server (Java2D, headless), so the PDF, the Word copy and the page
 * carry the same picture without a browser: grouped vertical bars, a value axis with round steps, the series'
 * legend, labels in the CJK font.
 */
@Component
class ReportCharts {

    static final int WIDTH = 960;
    static final int HEIGHT = 400;
    private static final Color[] PALETTE = {new Color(0x20, 0x6b, 0xc4), new Color(0xd6, 0x39, 0x39),
            new Color(0x2f, 0xb3, 0x44), new Color(0xf7, 0x67, 0x07), new Color(0x74, 0x59, 0xd9)};
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 60;
    private static final int BOTTOM = 80;

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
        Font base = fonts.chart();
        g.setColor(new Color(0x1d, 0x27, 0x3b));
        g.setFont(base.deriveFont(Font.BOLD, 16f));
        g.drawString(chart.title(), LEFT, 28);

        g.setFont(base.deriveFont(12f));
        legend(g, chart.series());

        double max = chart.series().stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        double step = step(max);
        double top = Math.max(step, Math.ceil(max / step) * step);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = TOP + plotHeight;
        FontMetrics metrics = g.getFontMetrics();
        for (double v = 0; v <= top + step / 2; v += step) {
            int y = baseline - (int) Math.round(v / top * plotHeight);
            g.setColor(new Color(0xe6, 0xe7, 0xe9));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(new Color(0x66, 0x70, 0x85));
            String label = number(v);
            g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + 4);
        }
        g.drawString(chart.unit(), 8, TOP - 12);

        int groups = chart.categories().size();
        int series = chart.series().size();
        double groupWidth = (double) plotWidth / Math.max(1, groups);
        double barWidth = Math.min(48, groupWidth * 0.7 / series);
        for (int i = 0; i < groups; i++) {
            double groupLeft = LEFT + i * groupWidth + (groupWidth - barWidth * series) / 2;
            for (int s = 0; s < series; s++) {
                double value = chart.series().get(s).values().get(i);
                int h = (int) Math.round(value / top * plotHeight);
                int x = (int) Math.round(groupLeft + s * barWidth);
                g.setColor(PALETTE[s % PALETTE.length]);
                g.fillRect(x, baseline - h, (int) Math.max(1, barWidth - 2), h);
                if (value > 0) {
                    g.setColor(new Color(0x1d, 0x27, 0x3b));
                    String text = number(value);
                    g.drawString(text, x + (int) (barWidth - 2 - metrics.stringWidth(text)) / 2, baseline - h - 4);
                }
            }
            category(g, chart.categories().get(i), LEFT + i * groupWidth + groupWidth / 2, baseline, groupWidth,
                    groups > 8);
        }
        g.setColor(new Color(0x66, 0x70, 0x85));
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, baseline, LEFT + plotWidth, baseline);
    }

    private static void legend(Graphics2D g, List<ReportBlock.Series> series) {
        FontMetrics metrics = g.getFontMetrics();
        int x = WIDTH - RIGHT;
        for (int s = series.size() - 1; s >= 0; s--) {
            String name = series.get(s).name();
            x -= metrics.stringWidth(name) + 26;
            g.setColor(PALETTE[s % PALETTE.length]);
            g.fillRect(x, 18, 14, 14);
            g.setColor(new Color(0x1d, 0x27, 0x3b));
            g.drawString(name, x + 18, 30);
        }
    }

    /** A category label under its bars: shortened to fit, turned when many categories crowd the axis. */
    private static void category(Graphics2D g, String label, double centre, int baseline, double width, boolean turn) {
        FontMetrics metrics = g.getFontMetrics();
        String text = label;
        double room = turn ? BOTTOM - 12 : width - 6;
        while (text.length() > 1 && metrics.stringWidth(text) > room) {
            text = text.substring(0, text.length() - 2) + "…";
        }
        g.setColor(new Color(0x1d, 0x27, 0x3b));
        if (!turn) {
            g.drawString(text, (int) (centre - metrics.stringWidth(text) / 2.0), baseline + 18);
            return;
        }
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 4, centre, baseline + 12);
        g.drawString(text, (int) centre - metrics.stringWidth(text), baseline + 16);
        g.setTransform(saved);
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
