package org.medops.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.medops.inspection.InspectionFigures;
import org.medops.integration.IntegrationVolumes;
import org.medops.opsdesk.ServiceFigures;
import org.medops.reporting.ServiceReportContributor;

/**
 * The figures of a quarterly service report or an annual summary, as the API returns them: codes, counts and
 * minutes; the documents and the page label them. {@code inspections}, {@code plannedRounds} and {@code integration}
 * are null when that part of the platform does not run; {@code quarters} is the year's quarters side by side (annual only);
 * {@code period} is {@code 2026-Q3} / {@code 2026}, or {@code C2026:2026-Q3} / {@code C2026} bound to a contract.
 *
 * @param running whether the period has not ended yet, so its figures still change
 */
record ServiceReport(String period, Kind kind, LocalDate first, LocalDate last, boolean running, Instant generatedAt,
                     ServiceFigures.Tickets tickets, List<ServiceFigures.RecurringFault> recurringFaults,
                     List<ServiceFigures.Outage> outages, long outageMinutes, ServiceFigures.Progress requirements,
                     ServiceFigures.Progress defects, ServiceFigures.Progress changes,
                     InspectionFigures.Rounds inspections, PlannedRounds plannedRounds,
                     IntegrationVolumes.Summary integration,
                     List<SystemStatus> systems, List<QuarterLine> quarters,
                     List<ServiceReportContributor.Section> sections, Suggestions suggestions,
                     ContractTerms contract) {

    enum Kind { QUARTER, YEAR }

    /**
     * The service contract a contract-bound report is made for: its year, name, parties (甲方 the hospital, 乙方 the
     * vendor) and dates; null for a report of a calendar period.
     */
    record ContractTerms(int year, String name, String hospital, String vendor, LocalDate startsOn, LocalDate endsOn) {
    }

    /** The rounds the schedules planned in the period (seed 002: quarterly, before each holiday): done and missed. */
    record PlannedRounds(long planned, long done, long missed) {
    }

    /** One hospital system's period: its tickets, their SLA compliance and the critical outage minutes. */
    record SystemStatus(String code, String name, long tickets, long met, long breached, double compliancePercent,
                        long outageMinutes) {
    }

    /** One quarter of an annual summary. */
    record QuarterLine(String period, long reported, long closed, Double compliancePercent, long outageMinutes,
                       long requirementsAnswered, long defectsClosed, long changesDone, long inspectionRounds,
                       long inspectionFindings, long messagesReceived, long messagesErrored) {
    }

    /** The period's optimisation advice (优化建议); empty text until a reviewer writes it. */
    record Suggestions(String text, String updatedBy, Instant updatedAt, int version) {

        static Suggestions none() {
            return new Suggestions("", null, null, 0);
        }
    }
}
