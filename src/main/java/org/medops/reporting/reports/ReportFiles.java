package org.medops.reporting.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.medops.reporting.ServiceReportContributor.Section;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * A report as files: the PDF rendered from the print template with the charts embedded (a CJK TrueType font on the
 * server, else a readable refusal instead of boxes), an editable Word copy with the same blocks and pictures (POI),
 * and the data as Excel: an overview sheet with every block's lines, then one sheet per table.
 */
@Component
class ReportFiles {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String WORD_FONT = "SimSun";

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final ReportFonts fonts;
    private final ReportCharts charts;

    ReportFiles(ITemplateEngine templates, ApplicationContext application, ReportFonts fonts, ReportCharts charts) {
        this.templates = templates;
        this.application = application;
        this.fonts = fonts;
        this.charts = charts;
    }

    boolean pdfAvailable() {
        return fonts.cjk().isPresent();
    }

    /** The print page's model: the report, its title, its blocks and each chart as a data URI by block code. */
    Map<String, Object> printModel(ServiceReport report, String title, List<ReportBlock> blocks) {
        Map<String, String> images = new java.util.HashMap<>();
        blocks.stream().filter(b -> b.chart() != null).forEach(b -> images.put(b.code(), charts.dataUri(b.chart())));
        return Map.of("r", report, "title", title, "blocks", blocks, "charts", images);
    }

    byte[] pdf(ServiceReport report, String title, List<ReportBlock> blocks, Locale locale) {
        Path font = fonts.cjk().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "pdf-font-missing"));
        Context context = new Context(locale);
        context.setVariables(printModel(report, title, blocks));
        context.setVariable("pdf", true);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String html = templates.process("reporting/service-report-print", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "medops-cjk");
            if (Files.isReadable(ReportFonts.SYMBOLS)) {
                builder.useFont(ReportFonts.SYMBOLS.toFile(), "medops-symbols");
            }
            builder.withHtmlContent(html, ReportFiles.class.getResource("/static/").toExternalForm());
            try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                stable(renderer.getPdfDocument(), html);
                renderer.getPdfDocument().save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The same report gives the same bytes: no creation date, and a document id from the page's text instead of the
     * clock PDFBox would use — the records archive files a new version whenever the bytes change.
     */
    private static void stable(org.apache.pdfbox.pdmodel.PDDocument doc, String html) {
        doc.getDocumentInformation().setCreationDate(null);
        doc.getDocumentInformation().setModificationDate(null);
        String id = Integer.toHexString(html.hashCode()) + Integer.toHexString(html.length());
        org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
        ids.add(new org.apache.pdfbox.cos.COSString(id));
        ids.add(new org.apache.pdfbox.cos.COSString(id));
        doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    }

    byte[] docx(String title, List<ReportBlock> blocks) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            run(heading, title, 18, true);
            int n = 1;
            for (ReportBlock block : blocks) {
                Section s = block.section();
                XWPFParagraph h = doc.createParagraph();
                h.setSpacingBefore(240);
                run(h, n++ + ". " + s.title(), 14, true);
                for (String line : s.lines()) {
                    run(doc.createParagraph(), line, 11, false);
                }
                if (!s.header().isEmpty() && !s.rows().isEmpty()) {
                    XWPFTable table = doc.createTable(1, s.header().size());
                    table.setWidth("100%");
                    cells(table.getRow(0), s.header(), true);
                    for (List<String> row : s.rows()) {
                        cells(table.createRow(), row, false);
                    }
                }
                if (block.chart() != null) {
                    XWPFRun picture = doc.createParagraph().createRun();
                    picture.addPicture(new ByteArrayInputStream(charts.png(block.chart())), Document.PICTURE_TYPE_PNG,
                            block.chartName() + ".png", Units.toEMU(ReportCharts.WIDTH * 0.5),
                            Units.toEMU(ReportCharts.HEIGHT * 0.5));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sheet one holds every block's title and lines; each block with a table gets a sheet of its own. */
    byte[] xlsx(String title, List<ReportBlock> blocks, Function<String, String> label) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Set<String> names = new HashSet<>();
            Sheet overview = book.createSheet(sheetName(label.apply("servicereport.sheet.overview"), names));
            int r = 0;
            cell(overview.createRow(r++), 0, title, bold);
            for (ReportBlock block : blocks) {
                r++;
                cell(overview.createRow(r++), 0, block.section().title(), bold);
                for (String line : block.section().lines()) {
                    cell(overview.createRow(r++), 0, line, null);
                }
            }
            overview.setColumnWidth(0, 120 * 256);
            for (ReportBlock block : blocks) {
                Section s = block.section();
                if (s.header().isEmpty()) {
                    continue;
                }
                Sheet sheet = book.createSheet(sheetName(s.title(), names));
                Row header = sheet.createRow(0);
                for (int c = 0; c < s.header().size(); c++) {
                    cell(header, c, s.header().get(c), bold);
                    sheet.setColumnWidth(c, 18 * 256);
                }
                int i = 1;
                for (List<String> row : s.rows()) {
                    Row line = sheet.createRow(i++);
                    for (int c = 0; c < row.size(); c++) {
                        cell(line, c, row.get(c), null);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    /** Numbers stay numbers in Excel (so sums work); percentages and text stay text as printed. */
    private static void cell(Row row, int column, String text, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        if (text != null && text.matches("-?\\d{1,15}")) {
            cell.setCellValue(Long.parseLong(text));
        } else {
            cell.setCellValue(text == null ? "" : text);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static String sheetName(String title, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(title);
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + " " + i;
        }
        return name;
    }

    private static void cells(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            if (row.getCell(i) == null) {
                row.addNewTableCell();
            }
            run(row.getCell(i).getParagraphs().get(0), cells.get(i) == null ? "" : cells.get(i), 10, bold);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setFontFamily(WORD_FONT);
        run.setFontFamily(WORD_FONT, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
        return run;
    }
}
