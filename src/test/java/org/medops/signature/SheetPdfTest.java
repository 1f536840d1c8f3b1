package org.medops.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SheetPdfTest {

    final SheetPdf sheets = new SheetPdf("");

    @Test
    void printsChineseLatinAndDigitsAndWrapsLongLines() throws IOException {
        assumeTrue(sheets.font().isPresent(), "SKIPPING: no CJK TrueType font; apt-get install fonts-droid-fallback");
        String longPlan = "停止 HIS 应用服务，备份数据库后执行补丁脚本 patch-5.3.2.sql，".repeat(6);
        byte[] pdf = sheets.print(new Sheet("变更书面授权（变更 42）", List.of(
                new Sheet.Line("实施方案", longPlan),
                new Sheet.Line("SHA-256", "f2fdca7d3ef8699d7c3f24b8351c61fc634d77031210ff9803bdc8e535caedd9"),
                new Sheet.Line("阈值", "≥ 95% ☃"))), sheets.font().orElseThrow());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("变更书面授权（变更 42）").contains("patch-5.3.2.sql")
                    .contains("f2fdca7d3ef8699d7c3f24b8351c61fc634d77031210ff9803bdc8e535caedd9");
            assertThat(text.lines().filter(l -> l.contains("停止 HIS")).count()).as("the long plan wraps").isGreaterThan(1);
        }
    }
}
