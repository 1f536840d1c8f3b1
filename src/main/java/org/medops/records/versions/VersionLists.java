package org.medops.records.versions;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.springframework.stereotype.Component;

/** The version register and upgrade lists for the pages, the API and the exports: one query, one set of columns. */
@Component
class VersionLists {

    private static final List<ListExport.Column<Versions.VersionRow>> VERSION_COLUMNS = List.of(
            ListExport.Column.of("versions.field.system", Versions.VersionRow::systemName),
            ListExport.Column.of("versions.field.version", Versions.VersionRow::version),
            ListExport.Column.of("versions.field.installedOn", r -> r.installedOn().toString()),
            ListExport.Column.of("versions.field.installedBy", Versions.VersionRow::installedBy),
            ListExport.Column.of("versions.field.change", r -> r.changeId() == null ? "" : "#" + r.changeId()),
            ListExport.Column.of("versions.field.documents", Versions.VersionRow::documents));

    private static final List<ListExport.Column<Upgrades.UpgradeRow>> UPGRADE_COLUMNS = List.of(
            ListExport.Column.of("upgrades.field.id", Upgrades.UpgradeRow::id),
            ListExport.Column.of("upgrades.field.title", Upgrades.UpgradeRow::title),
            ListExport.Column.of("versions.field.system", Upgrades.UpgradeRow::systemName),
            ListExport.Column.of("upgrades.field.fromVersion", Upgrades.UpgradeRow::fromVersion),
            ListExport.Column.of("upgrades.field.targetVersion", Upgrades.UpgradeRow::targetVersion),
            ListExport.Column.label("upgrades.field.status", r -> "upgrades.status." + r.status()),
            ListExport.Column.label("upgrades.field.assessment", r -> "upgrades.state." + r.assessmentState()),
            ListExport.Column.label("upgrades.field.plan", r -> "upgrades.state." + r.planState()),
            ListExport.Column.of("upgrades.field.change", r -> "#" + r.changeId()),
            ListExport.Column.of("upgrades.field.createdAt", Upgrades.UpgradeRow::createdAt));

    private final Versions versions;
    private final Upgrades upgrades;
    private final HospitalZone zone;
    private final ListExport export;

    VersionLists(Versions versions, Upgrades upgrades, HospitalZone zone, ListExport export) {
        this.versions = versions;
        this.upgrades = upgrades;
        this.zone = zone;
        this.export = export;
    }

    ListPage<Versions.VersionRow> versions(VersionListQuery query, HttpServletRequest http) {
        return ListPage.of(versions, query.filter(), query.request(), http);
    }

    ListPage<Versions.VersionRow> noVersions(HttpServletRequest http) {
        return ListPage.empty(Versions.SORT, http);
    }

    void exportVersions(VersionListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        export.export("records-versions", VERSION_COLUMNS, versions, query.filter(), query.request(), query.export(),
                zone.get(), locale, http, response);
    }

    ListPage<Upgrades.UpgradeRow> upgrades(UpgradeListQuery query, HttpServletRequest http) {
        return ListPage.of(upgrades, query.filter(), query.request(), http);
    }

    ListPage<Upgrades.UpgradeRow> noUpgrades(HttpServletRequest http) {
        return ListPage.empty(Upgrades.SORT, http);
    }

    void exportUpgrades(UpgradeListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        export.export("records-upgrades", UPGRADE_COLUMNS, upgrades, query.filter(), query.request(), query.export(),
                zone.get(), locale, http, response);
    }
}
