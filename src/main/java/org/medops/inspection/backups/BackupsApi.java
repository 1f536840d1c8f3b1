package org.medops.inspection.backups;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.inspection.permissions.CanEditInspectionTargets;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.inspection.permissions.CanRunInspection;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Backups of MedOps's own database and the backup check over REST. */
@RestController
@RequestMapping("/api/v1/inspection/backups")
class BackupsApi {

    /** {@code backupId} null: the newest complete backup. */
    record CheckRequest(Long backupId) {
    }

    private final Backups backups;
    private final BackupChecks checks;
    private final BackupRecords records;
    private final CheckRecords checkRecords;
    private final Clock clock;

    BackupsApi(Backups backups, BackupChecks checks, BackupRecords records, CheckRecords checkRecords, Clock clock) {
        this.backups = backups;
        this.checks = checks;
        this.records = records;
        this.checkRecords = checkRecords;
        this.clock = clock;
    }

    @GetMapping
    @CanReadInspection
    ListPage<Backup> list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer days,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                          @RequestParam(required = false) String sort, HttpServletRequest http) {
        return ListPage.of(records, BackupQuery.backups(status, days, clock),
                ListRequest.of(page, size, sort, BackupRecords.SORT), http);
    }

    @PostMapping
    @CanRunInspection
    ResponseEntity<Backup> take(Authentication who) {
        return ResponseEntity.status(201).body(backups.take(BackupTrigger.MANUAL, who.getName()));
    }

    @GetMapping("/{id}")
    @CanReadInspection
    Backup one(@PathVariable long id) {
        return records.find(id).orElseThrow(() -> ProblemException.notFound("inspection-backup", id));
    }

    @PostMapping("/check")
    @CanRunInspection
    ResponseEntity<BackupCheck> check(@RequestBody(required = false) CheckRequest request, Authentication who) {
        return ResponseEntity.status(201).body(checks.run(request == null ? null : request.backupId(),
                BackupTrigger.MANUAL, who.getName()));
    }

    @GetMapping("/checks")
    @CanReadInspection
    ListPage<BackupCheck> checks(@RequestParam(required = false) String status,
                                 @RequestParam(required = false) Integer days,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String sort, HttpServletRequest http) {
        return ListPage.of(checkRecords, BackupQuery.checks(status, days, clock),
                ListRequest.of(page, size, sort, CheckRecords.SORT), http);
    }

    @GetMapping("/checks/{id}")
    @CanReadInspection
    BackupCheck report(@PathVariable long id) {
        return checks.get(id);
    }

    @GetMapping("/plan")
    @CanReadInspection
    BackupPlan plan() {
        return backups.plan();
    }

    @PutMapping("/plan")
    @CanEditInspectionTargets
    BackupPlan changePlan(@RequestBody BackupPlan.Form plan, Authentication who) {
        return backups.changePlan(plan.validated(), who.getName());
    }
}
