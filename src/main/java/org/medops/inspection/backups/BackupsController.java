package org.medops.inspection.backups;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.inspection.permissions.CanEditInspectionTargets;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.inspection.permissions.CanRunInspection;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据库备份: the backups with take-now and check-now, the plan, the check reports (备份检查报告). */
@Controller
@RequestMapping("/inspection/backups")
class BackupsController {

    private static final List<ListExport.Column<Backup>> BACKUP_COLUMNS = List.of(
            ListExport.Column.of("backups.file", Backup::fileName),
            ListExport.Column.label("backups.status", b -> "backups.status." + b.status()),
            ListExport.Column.label("backups.format", b -> "backups.format." + b.format()),
            ListExport.Column.label("backups.trigger", b -> "backups.trigger." + b.trigger()),
            ListExport.Column.of("backups.startedAt", Backup::startedAt),
            ListExport.Column.of("backups.size", Backup::sizeBytes),
            ListExport.Column.of("backups.tables", Backup::tableCount),
            ListExport.Column.of("backups.rows", Backup::rowCount),
            ListExport.Column.of("backups.schemaVersion", Backup::schemaVersion),
            ListExport.Column.of("backups.reason", Backup::reasonCode));
    private static final List<ListExport.Column<BackupCheck>> CHECK_COLUMNS = List.of(
            ListExport.Column.of("backups.check.id", BackupCheck::id),
            ListExport.Column.of("backups.file", BackupCheck::fileName),
            ListExport.Column.label("backups.check.result", c -> "backups.checkStatus." + c.status()),
            ListExport.Column.of("backups.check.startedAt", BackupCheck::startedAt),
            ListExport.Column.of("backups.check.age", BackupCheck::backupAgeHours),
            ListExport.Column.of("backups.tables", BackupCheck::tableCount),
            ListExport.Column.of("backups.check.backupRows", BackupCheck::backupRows),
            ListExport.Column.of("backups.check.restoredRows", BackupCheck::restoredRows),
            ListExport.Column.of("backups.check.liveRows", BackupCheck::liveRows),
            ListExport.Column.of("backups.check.duration", BackupCheck::durationMs),
            ListExport.Column.of("backups.reason", BackupCheck::reasonCode));

    private final Backups backups;
    private final BackupChecks checks;
    private final BackupRecords records;
    private final CheckRecords checkRecords;
    private final ListExport export;
    private final Settings settings;
    private final Clock clock;

    BackupsController(Backups backups, BackupChecks checks, BackupRecords records, CheckRecords checkRecords,
                      ListExport export, Settings settings, Clock clock) {
        this.backups = backups;
        this.checks = checks;
        this.records = records;
        this.checkRecords = checkRecords;
        this.export = export;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    @CanReadInspection
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer days,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String export,
                Locale locale, Model model, HttpServletRequest http, HttpServletResponse response) throws IOException {
        model.addAttribute("status", status);
        model.addAttribute("days", days);
        model.addAttribute("statuses", BackupStatus.values());
        model.addAttribute("plan", backups.plan());
        model.addAttribute("directory", backups.directory().toString());
        model.addAttribute("lastCheck", checkRecords.newest().orElse(null));
        try {
            BackupRecords.Filter filter = BackupQuery.backups(status, days, clock);
            ListRequest request = ListRequest.of(page, size, sort, BackupRecords.SORT);
            if (export != null) {
                this.export.export("inspection-backups", BACKUP_COLUMNS, records, filter, request, export,
                        settings.current().zone(), locale, http, response);
                return null;
            }
            model.addAttribute("backups", ListPage.of(records, filter, request, http));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("backups", ListPage.empty(BackupRecords.SORT, http));
        }
        return "inspection/backups";
    }

    @PostMapping
    @CanRunInspection
    String take(Authentication who, RedirectAttributes redirect) {
        try {
            Backup backup = backups.take(BackupTrigger.MANUAL, who.getName());
            redirect.addFlashAttribute("notice", backup.status() == BackupStatus.DONE ? "backups.taken"
                    : "backups.takeFailed");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/inspection/backups";
    }

    @PostMapping("/check")
    @CanRunInspection
    String check(@RequestParam(required = false) Long backupId, Authentication who, RedirectAttributes redirect) {
        try {
            BackupCheck check = checks.run(backupId, BackupTrigger.MANUAL, who.getName());
            return "redirect:/inspection/backups/checks/" + check.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/inspection/backups";
        }
    }

    @PostMapping("/plan")
    @CanEditInspectionTargets
    String plan(@RequestParam(required = false) Integer keep, @RequestParam(required = false) String dailyAt,
                @RequestParam(required = false) Integer checkDay, @RequestParam(required = false) String checkAt,
                Authentication who, RedirectAttributes redirect) {
        try {
            backups.changePlan(new BackupPlan.Form(keep, dailyAt, checkDay, checkAt).validated(), who.getName());
            redirect.addFlashAttribute("notice", "backups.plan.saved");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/inspection/backups";
    }

    @GetMapping("/checks")
    @CanReadInspection
    String checks(@RequestParam(required = false) String status, @RequestParam(required = false) Integer days,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String export,
                  Locale locale, Model model, HttpServletRequest http, HttpServletResponse response) throws IOException {
        model.addAttribute("status", status);
        model.addAttribute("days", days);
        model.addAttribute("statuses", CheckStatus.values());
        try {
            CheckRecords.Filter filter = BackupQuery.checks(status, days, clock);
            ListRequest request = ListRequest.of(page, size, sort, CheckRecords.SORT);
            if (export != null) {
                this.export.export("inspection-backup-checks", CHECK_COLUMNS, checkRecords, filter, request, export,
                        settings.current().zone(), locale, http, response);
                return null;
            }
            model.addAttribute("checks", ListPage.of(checkRecords, filter, request, http));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("checks", ListPage.empty(CheckRecords.SORT, http));
        }
        return "inspection/backup-checks";
    }

    @GetMapping("/checks/{id}")
    @CanReadInspection
    String report(@PathVariable long id, Model model) {
        model.addAttribute("check", checks.get(id));
        model.addAttribute("zone", settings.current().zone());
        return "inspection/backup-check";
    }
}
