package org.medops.records.versions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.reporting.ServiceReportContributor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The service report's section on versions: what was installed in the period, and each system against "at least
 * one new version a year" (seed 001) as of the period's last day (or today, for a period still running).
 */
@Component
class VersionsReportSection implements ServiceReportContributor {

    private final Versions versions;
    private final Releases releases;
    private final OpsdeskSystems systems;
    private final HospitalZone zone;
    private final MessageSource messages;
    private final Clock clock;

    VersionsReportSection(Versions versions, Releases releases, OpsdeskSystems systems, HospitalZone zone,
                          MessageSource messages, Clock clock) {
        this.versions = versions;
        this.releases = releases;
        this.systems = systems;
        this.zone = zone;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public List<Section> sections(Period period, Locale locale) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.get());
        LocalDate asOf = period.last().isBefore(today) ? period.last() : today;
        Map<String, List<InstalledVersion>> installed = versions.installedBetween(period.first(), asOf).stream()
                .collect(Collectors.groupingBy(InstalledVersion::systemCode));
        long total = installed.values().stream().mapToLong(List::size).sum();
        long upgraded = installed.values().stream().flatMap(List::stream).filter(v -> v.upgradeId() != null).count();
        Map<VersionCadence, Long> byCadence = new EnumMap<>(VersionCadence.class);
        List<List<String>> rows = new ArrayList<>();
        long behind = 0;
        for (OpsdeskSystems.OpsdeskSystem system : systems.active()) {
            List<InstalledVersion> history = versions.history(system.code()).stream()
                    .filter(v -> !v.installedOn().isAfter(asOf)).toList();
            InstalledVersion current = history.isEmpty() ? null : history.get(0);
            VersionRelease latest = releases.latest(system.code(), asOf).orElse(null);
            boolean installedLatest = latest != null && history.stream().anyMatch(v -> v.version().equals(latest.version()));
            if (latest != null && !installedLatest) {
                behind++;
            }
            LocalDate last = current == null ? null : current.installedOn();
            VersionCadence cadence = VersionCadence.of(last, asOf);
            byCadence.merge(cadence, 1L, Long::sum);
            List<InstalledVersion> ofPeriod = installed.getOrDefault(system.code(), List.of());
            rows.add(List.of(system.name(), current == null ? "—" : current.version(),
                    last == null ? "—" : last.toString(), last == null ? "—" : VersionCadence.dueBy(last).toString(),
                    text(locale, "versions.cadence." + cadence),
                    ofPeriod.isEmpty() ? "—" : ofPeriod.stream().map(InstalledVersion::version)
                            .collect(Collectors.joining("、")),
                    latest == null ? "—" : latest.version() + (installedLatest ? "" : text(locale, "report.versions.behind"))));
        }
        List<String> lines = List.of(text(locale, "report.versions.installed", total, installed.size(), upgraded),
                text(locale, "report.versions.cadence", asOf.toString(),
                        byCadence.getOrDefault(VersionCadence.OVERDUE, 0L),
                        byCadence.getOrDefault(VersionCadence.DUE_SOON, 0L),
                        byCadence.getOrDefault(VersionCadence.NONE_REGISTERED, 0L)),
                text(locale, "report.versions.latest", behind));
        return List.of(new Section("versions", text(locale, "report.versions.title"), lines,
                List.of(text(locale, "report.versions.system"), text(locale, "report.versions.current"),
                        text(locale, "report.versions.installedOn"), text(locale, "report.versions.dueBy"),
                        text(locale, "versions.field.cadence"), text(locale, "report.versions.ofPeriod"),
                        text(locale, "versions.latestRelease")), rows));
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
