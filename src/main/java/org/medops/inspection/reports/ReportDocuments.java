package org.medops.inspection.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.medops.inspection.rounds.RoundItem;
import org.medops.settings.Settings;
import org.medops.signature.SignedDocument;
import org.medops.signature.SignedDocuments;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
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
 * The report as files: a PDF rendered from the print page's template (PDFBox embeds TrueType outlines only, so, as
 * for the repair confirmation, a CJK TrueType font on the server: the configured one, else Debian's Droid Sans
 * Fallback; without one it says so instead of printing boxes), and an editable Word copy (Apache POI), because
 * hospitals file and amend reports in Word. Both state that a signed report is signed, by whom, and its SHA-256.
 */
@Component
class ReportDocuments {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final List<Path> KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"));
    private static final Path SYMBOLS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final String WORD_FONT = "SimSun";

    /** The document type under which the signature module keeps a signed report's PDF. */
    static final String SIGNED_TYPE = "inspection-report"; // SignedInspectionReports reads it under the same type

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final ReportWording wording;
    private final Settings settings;
    private final Clock clock;
    private final String configuredFont;
    private final SignedDocuments signed;

    ReportDocuments(ITemplateEngine templates, ApplicationContext application, ReportWording wording, Settings settings,
                    Clock clock, @Value("${medops.inspection.pdf-font:${medops.opsdesk.pdf-font:}}") String configuredFont,
                    SignedDocuments signed) {
        this.signed = signed;
        this.templates = templates;
        this.application = application;
        this.wording = wording;
        this.settings = settings;
        this.clock = clock;
        this.configuredFont = configuredFont;
    }

    Optional<Path> font() {
        Stream<Path> configured = configuredFont.isBlank() ? Stream.empty() : Stream.of(Path.of(configuredFont));
        return Stream.concat(configured, KNOWN_FONTS.stream()).filter(Files::isReadable).findFirst();
    }

    /** The electronically signed PDF once the report is signed (byte for byte what was signed), else a fresh one. */
    byte[] download(ReportView report, Locale locale) {
        if (report.signed()) {
            Optional<byte[]> kept = signed.pdf(SIGNED_TYPE, String.valueOf(report.roundId()));
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return pdf(report, locale);
    }

    Optional<SignedDocument> electronicSignature(long roundId) {
        return signed.find(SIGNED_TYPE, String.valueOf(roundId));
    }

    byte[] pdf(ReportView report, Locale locale) {
        Path font = font().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "pdf-font-missing"));
        Context context = new Context(locale);
        context.setVariable("r", report);
        context.setVariable("printedAt", clock.instant());
        context.setVariable("pdf", true);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String html = templates.process("inspection/report-print", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "medops-cjk");
            // Signs the CJK fallback font lacks (≥, ≤) come from DejaVu where Debian has it.
            if (Files.isReadable(SYMBOLS)) {
                builder.useFont(SYMBOLS.toFile(), "medops-symbols");
            }
            builder.withHtmlContent(html, ReportDocuments.class.getResource("/static/").toExternalForm());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] docx(ReportView r, Locale locale) {
        ZoneId zone = settings.current().zone();
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, t("inspection.report.title", locale), 18, true);
            paragraph(doc, t("inspection.report.meta", locale, r.roundId(),
                    r.template() == null ? t("inspection.report.template.FULL", locale)
                            : t("inspection.report.template." + r.template().name(), locale),
                    r.startedAt() == null ? "—" : minutes.format(r.startedAt()),
                    r.finishedAt() == null ? "—" : minutes.format(r.finishedAt())), false);
            if (r.signed()) {
                paragraph(doc, t("inspection.report.signedNotice", locale, r.signOff().name(),
                        minutes.format(r.signOff().at()), r.hash()), true);
            } else {
                paragraph(doc, t("inspection.report.unsignedNotice", locale), true);
            }

            heading(doc, t("inspection.report.summary", locale));
            paragraph(doc, t("inspection.report.summaryLine", locale, r.summary().total(), r.summary().pass(),
                    r.summary().warn(), r.summary().fail(), r.summary().error()), false);
            XWPFTable targets = table(doc, t("inspection.report.target", locale), t("inspection.report.total", locale),
                    result("PASS", locale), result("WARN", locale), result("FAIL", locale), result("ERROR", locale));
            r.summary().targets().forEach(s -> row(targets, s.name() + " (" + s.code() + ")", String.valueOf(s.total()),
                    String.valueOf(s.pass()), String.valueOf(s.warn()), String.valueOf(s.fail()),
                    String.valueOf(s.error())));

            heading(doc, t("inspection.report.items", locale));
            XWPFTable items = table(doc, t("inspection.report.target", locale), t("inspection.report.check", locale),
                    t("inspection.report.result", locale), t("inspection.report.value", locale),
                    t("inspection.report.threshold", locale));
            for (RoundItem item : r.items()) {
                row(items, item.targetName() == null ? item.targetCode() : item.targetName(),
                        wording.check(item.checkCode(), locale), result(item.result().name(), locale),
                        orDash(item.value()), orDash(item.threshold()));
            }

            if (!r.checklist().isEmpty()) {
                heading(doc, t("inspection.report.checklist", locale));
                XWPFTable checklist = table(doc, t("inspection.report.checklist.section", locale),
                        t("inspection.report.checklist.subject", locale), t("inspection.report.check", locale),
                        t("inspection.report.result", locale), t("inspection.report.checklist.found", locale),
                        t("inspection.report.checklist.required", locale));
                r.checklist().forEach(c -> row(checklist, c.section(), c.subject(), c.check(),
                        result(c.result().name(), locale), orDash(c.value()), orDash(c.threshold())));
            }

            heading(doc, t("inspection.report.findings", locale));
            if (r.findings().isEmpty()) {
                paragraph(doc, t("inspection.report.noFindings", locale), false);
            }
            int n = 1;
            for (Finding f : r.findings()) {
                paragraph(doc, n++ + ". " + orDash(f.target()) + " · " + wording.check(f.check(), locale)
                        + (f.result() == null ? "" : " · " + result(f.result().name(), locale)), true);
                paragraph(doc, t("inspection.report.finding", locale) + "：" + orDash(f.finding()), false);
                paragraph(doc, t("inspection.report.cause", locale) + "：" + orDash(f.cause()), false);
                paragraph(doc, t("inspection.report.action", locale) + "：" + orDash(f.action()), false);
            }

            heading(doc, t("inspection.report.remarks", locale));
            paragraph(doc, r.remarks() == null ? "—" : r.remarks(), false);

            heading(doc, t("inspection.report.signOff", locale));
            if (r.signed()) {
                paragraph(doc, t("inspection.report.signedBy", locale) + "：" + r.signOff().name(), false);
                paragraph(doc, t("inspection.report.statement", locale) + "：" + r.signOff().statement(), false);
                paragraph(doc, t("inspection.report.signedAt", locale) + "：" + minutes.format(r.signOff().at()), false);
                paragraph(doc, "SHA-256：" + r.hash(), false);
            } else {
                paragraph(doc, t("inspection.report.signHere", locale), false);
            }
            doc.write(out);
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

    private String t(String key, Locale locale, Object... arguments) {
        return wording.text(key, locale, arguments);
    }

    private String result(String result, Locale locale) {
        return t("inspection.report.result." + result, locale);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        run(p, text, 14, true);
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        String[] lines = text.split("\\R", -1);
        XWPFRun run = run(p, lines[0], 11, bold);
        for (int i = 1; i < lines.length; i++) {
            run.addBreak();
            run.setText(lines[i]);
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

    private static XWPFTable table(XWPFDocument doc, String... headers) {
        XWPFTable table = doc.createTable(1, headers.length);
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        for (int i = 0; i < headers.length; i++) {
            cell(header, i, headers[i], true);
        }
        return table;
    }

    private static void row(XWPFTable table, String... cells) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < cells.length; i++) {
            cell(row, i, cells[i], false);
        }
    }

    private static void cell(XWPFTableRow row, int index, String text, boolean bold) {
        XWPFParagraph p = row.getCell(index).getParagraphs().get(0);
        run(p, text == null ? "" : text, 10, bold);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
