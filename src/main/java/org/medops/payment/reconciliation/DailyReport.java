package org.medops.payment.reconciliation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The daily reconciliation report (对账日报) of one run: both sides' totals, the outcome counts and every mismatch with
 * its handling — as a PDF (the print template, a CJK TrueType font embedded) and as an Excel workbook.
 */
@Component
class DailyReport {

    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"));
    private static final Path SYMBOLS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final RunViews views;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final String configuredFont;

    DailyReport(RunViews views, ITemplateEngine templates, MessageSource messages,
                @Value("${medops.reconciliation.pdf-font:${medops.reporting.pdf-font:}}") String configuredFont) {
        this.views = views;
        this.templates = templates;
        this.messages = messages;
        this.configuredFont = configuredFont;
    }

    byte[] pdf(long runId) {
        RunViews.RunView run = views.of(runId);
        Path font = font().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "pdf-font-missing"));
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("run", run);
        String html = templates.process("reconciliation/report", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "medops-cjk");
            if (Files.isReadable(SYMBOLS)) {
                builder.useFont(SYMBOLS.toFile(), "medops-symbols");
            }
            builder.withHtmlContent(html, DailyReport.class.getResource("/static/").toExternalForm());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] excel(long runId) {
        RunViews.RunView run = views.of(runId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "MedOps", "1.0");
            Worksheet summary = workbook.newWorksheet(t("recon.report.sheet.summary"));
            String[][] rows = {
                    {t("recon.field.merchant"), run.merchant()},
                    {t("recon.field.date"), run.date().toString()},
                    {t("recon.field.status"), t("recon.status." + run.status())},
                    {t("recon.field.channelLines"), String.valueOf(run.sides().channelLines())},
                    {t("recon.field.channelPayments"), run.sides().channelPayments().toPlainString()},
                    {t("recon.field.channelRefunds"), run.sides().channelRefunds().toPlainString()},
                    {t("recon.field.channelFees"), run.sides().channelFees().toPlainString()},
                    {t("recon.field.hisLines"), String.valueOf(run.sides().hisLines())},
                    {t("recon.field.hisPayments"), run.sides().hisPayments().toPlainString()},
                    {t("recon.field.hisRefunds"), run.sides().hisRefunds().toPlainString()},
                    {t("recon.field.matched"), String.valueOf(run.matched())},
                    {t("recon.field.pending"), String.valueOf(run.pending())},
                    {t("recon.field.mismatches"), String.valueOf(run.mismatchCount())},
                    {t("recon.field.unresolved"), String.valueOf(run.unresolved())}};
            for (int r = 0; r < rows.length; r++) {
                summary.value(r, 0, rows[r][0]);
                summary.value(r, 1, rows[r][1]);
            }
            summary.width(0, 22);
            summary.width(1, 30);
            Worksheet sheet = workbook.newWorksheet(t("recon.report.sheet.mismatches"));
            String[] header = {"#", t("recon.field.category"), t("recon.field.kind"), t("recon.field.outTradeNo"),
                    t("recon.field.outRefundNo"), t("recon.field.hisAmount"), t("recon.field.channelAmount"),
                    t("recon.field.platformAmount"), t("recon.field.detail"), t("recon.field.resolution"),
                    t("recon.field.note"), t("recon.field.resolvedBy"), t("recon.field.resolvedAt")};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (RunViews.MismatchView m : run.mismatches()) {
                sheet.value(r, 0, m.id());
                sheet.value(r, 1, t("recon.category." + m.category()));
                sheet.value(r, 2, t("recon.kind." + m.kind()));
                sheet.value(r, 3, m.outTradeNo());
                sheet.value(r, 4, m.outRefundNo());
                if (m.hisAmount() != null) {
                    sheet.value(r, 5, m.hisAmount());
                }
                if (m.channelAmount() != null) {
                    sheet.value(r, 6, m.channelAmount());
                }
                if (m.platformAmount() != null) {
                    sheet.value(r, 7, m.platformAmount());
                }
                sheet.value(r, 8, m.detail());
                sheet.value(r, 9, m.resolution() == null ? t("recon.unresolved")
                        : t("recon.resolution." + m.resolution()));
                sheet.value(r, 10, m.resolutionNote());
                sheet.value(r, 11, m.resolvedBy());
                sheet.value(r, 12, m.resolvedAt() == null ? null : m.resolvedAt().toString());
                r++;
            }
            sheet.width(3, 24);
            sheet.width(8, 50);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    boolean pdfAvailable() {
        return font().isPresent();
    }

    private Optional<Path> font() {
        Stream<Path> own = configuredFont.isBlank() ? Stream.empty() : Stream.of(Path.of(configuredFont));
        return Stream.concat(own, FONTS.stream()).filter(Files::isReadable).findFirst();
    }

    private String t(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
