package org.medops.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ReportChartsTest {

    private final ReportCharts charts = new ReportCharts(new ReportFonts(""));

    @Test
    void drawsGroupedBarsWithTheSeriesColoursOnAWhitePicture() throws IOException {
        ReportBlock.Chart chart = new ReportBlock.Chart("各季度工单受理与关闭", List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"),
                List.of(new ReportBlock.Series("受理工单", List.of(12.0, 30.0, 7.0, 0.0)),
                        new ReportBlock.Series("关闭工单", List.of(10.0, 28.0, 9.0, 0.0))), "件");
        byte[] png = charts.png(chart);
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/service-report-chart.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportCharts.HEIGHT);
        assertThat(image.getRGB(2, 2) & 0xffffff).as("white background").isEqualTo(0xffffff);
        long blue = 0;
        long red = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                blue += rgb == 0x206bc4 ? 1 : 0;
                red += rgb == 0xd63939 ? 1 : 0;
            }
        }
        assertThat(blue).as("the first series' bars").isGreaterThan(2000);
        assertThat(red).as("the second series' bars").isGreaterThan(2000);
        assertThat(charts.dataUri(chart)).startsWith("data:image/png;base64,iVBOR");
    }

    @Test
    void aChartOfNothingButZerosIsLeftOut() {
        assertThat(new ReportBlock.Chart("t", List.of("a"), List.of(new ReportBlock.Series("s", List.of(0.0))), "件")
                .empty()).isTrue();
        assertThat(new ReportBlock.Chart("t", List.of(), List.of(), "件").empty()).isTrue();
    }
}
