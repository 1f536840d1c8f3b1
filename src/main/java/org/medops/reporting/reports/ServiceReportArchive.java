package org.medops.reporting.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medops.opsdesk.HospitalZone;
import org.medops.reporting.ReportingDocuments;
import org.springframework.stereotype.Component;

/**
 * The service reports of the quarters and years that have ended, as PDF in Chinese, for the records archive: dated
 * on the period's last day, so a half-year handover holds its two quarterly reports and a final one the year's. A
 * report whose figures change afterwards (a late call recorded, a suggestion edited) is archived again as a new
 * version while the period is recent. Only periods that ended in the last {@value #RECENT_DAYS} days are printed (the
 * quarter just ended, and the year when it just ended): the archive collects every ten minutes, so each period is
 * archived as it closes and stays archived; printing every older report on each collection would only cost time
 * (a collection must answer the 立即收集 button within seconds).
 */
@Component
class ServiceReportArchive implements ReportingDocuments {

    static final int RECENT_DAYS = 100;
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ServiceReportDesk desk;
    private final ReportLayout layout;
    private final ReportFiles files;
    private final HospitalZone zone;
    private final Clock clock;
    /** Printed reports by their blocks' content: a period whose figures did not change is not printed again. */
    private final java.util.Map<String, byte[]> printed = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
            return size() > 8;
        }
    };

    ServiceReportArchive(ServiceReportDesk desk, ReportLayout layout, ReportFiles files, HospitalZone zone,
                         Clock clock) {
        this.desk = desk;
        this.layout = layout;
        this.files = files;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        if (!files.pdfAvailable()) {
            return List.of();
        }
        ZoneId z = zone.get();
        LocalDate today = LocalDate.now(clock.withZone(z));
        List<Document> documents = new ArrayList<>();
        for (ReportPeriod period : ended(today)) {
            Instant at = period.end(z).minusSeconds(1);
            if (at.isBefore(from) || !at.isBefore(to)) {
                continue;
            }
            ServiceReport report = desk.report(period, CHINESE);
            String title = layout.title(report, CHINESE);
            List<ReportBlock> blocks = layout.blocks(report, CHINESE);
            String key = period + "\n" + title + "\n" + blocks;
            byte[] pdf;
            synchronized (printed) {
                pdf = printed.get(key);
            }
            if (pdf == null) {
                pdf = files.pdf(report, title, blocks, CHINESE);
                synchronized (printed) {
                    printed.put(key, pdf);
                }
            }
            documents.add(new Document("service-report:" + period, "SERVICE_REPORT", title, period.toString(), at,
                    "system", null, "service-report-" + period + ".pdf", "application/pdf", pdf));
        }
        return documents;
    }

    /** The quarters and years that ended before today, in the last {@link #RECENT_DAYS} days, oldest first. */
    static List<ReportPeriod> ended(LocalDate today) {
        LocalDate since = today.minusDays(RECENT_DAYS);
        List<ReportPeriod> periods = new ArrayList<>();
        for (int year = since.getYear(); year <= today.getYear(); year++) {
            List<ReportPeriod> candidates = new ArrayList<>(ReportPeriod.year(year).quarters());
            candidates.add(ReportPeriod.year(year));
            for (ReportPeriod period : candidates) {
                if (!period.runningOn(today) && !period.last().isBefore(since)) {
                    periods.add(period);
                }
            }
        }
        return periods;
    }
}
