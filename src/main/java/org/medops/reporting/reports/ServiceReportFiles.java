package org.medops.reporting.reports;

import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The downloads the API and the page share: a period's report as PDF, Word or Excel, each audited. */
@Component
class ServiceReportFiles {

    private final ServiceReportDesk desk;
    private final ReportLayout layout;
    private final ReportFiles files;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    ServiceReportFiles(ServiceReportDesk desk, ReportLayout layout, ReportFiles files, MessageSource messages,
                       ApplicationEventPublisher events) {
        this.desk = desk;
        this.layout = layout;
        this.files = files;
        this.messages = messages;
        this.events = events;
    }

    ResponseEntity<byte[]> download(ReportPeriod period, String format, Locale locale) {
        ServiceReport report = desk.report(period, locale);
        String title = layout.title(report, locale);
        List<ReportBlock> blocks = layout.blocks(report, locale);
        String name = "medops-service-report-" + period.toString().replace(':', '-');
        ResponseEntity<byte[]> response = switch (format) {
            case "pdf" -> files.download(files.pdf(report, title, blocks, locale), MediaType.APPLICATION_PDF,
                    name + ".pdf");
            case "docx" -> files.download(files.docx(title, blocks), ReportFiles.DOCX, name + ".docx");
            case "xlsx" -> files.download(files.xlsx(title, blocks, key -> messages.getMessage(key, null, locale)),
                    ReportFiles.XLSX, name + ".xlsx");
            default -> throw new IllegalArgumentException(format);
        };
        events.publishEvent(new ReportExported(period.toString(), format));
        return response;
    }
}
