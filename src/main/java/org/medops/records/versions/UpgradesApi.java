package org.medops.records.versions;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.medops.records.permissions.CanAgreeRecords;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ListPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upgrades over REST: drafted on a requested change with the assessment report and the upgrade plan, each agreed
 * or sent back by the hospital ({@code /assessment/agree}, {@code /plan/send-back}), revised after a sending back.
 */
@RestController
@RequestMapping("/api/v1/records/upgrades")
class UpgradesApi {

    private final UpgradeDesk desk;
    private final VersionLists lists;

    UpgradesApi(UpgradeDesk desk, VersionLists lists) {
        this.desk = desk;
        this.lists = lists;
    }

    @GetMapping
    @CanReadRecords
    ListPage<Upgrades.UpgradeRow> list(UpgradeListQuery query, Locale locale, HttpServletRequest http,
                                       HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            lists.exportUpgrades(query, locale, http, response);
            return null;
        }
        return lists.upgrades(query, http);
    }

    @PostMapping
    @CanWriteRecords
    ResponseEntity<UpgradeView> draft(@Valid @RequestBody NewUpgrade draft, Authentication who) {
        Upgrade saved = desk.draft(draft, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/records/upgrades/" + saved.id())).body(desk.view(saved));
    }

    @GetMapping("/{id}")
    @CanReadRecords
    UpgradeView one(@PathVariable long id) {
        return desk.view(id);
    }

    @PutMapping("/{id}/assessment")
    @CanWriteRecords
    UpgradeView reviseAssessment(@PathVariable long id, @Valid @RequestBody Assessment assessment, Authentication who) {
        return desk.view(desk.revise(id, assessment, who.getName()));
    }

    @PutMapping("/{id}/plan")
    @CanWriteRecords
    UpgradeView revisePlan(@PathVariable long id, @Valid @RequestBody UpgradePlan plan, Authentication who) {
        return desk.view(desk.revise(id, plan, who.getName()));
    }

    /** {@code document} is {@code assessment} or {@code plan}. */
    @PostMapping("/{id}/{document}/agree")
    @CanAgreeRecords
    UpgradeView agree(@PathVariable long id, @PathVariable String document,
                      @RequestBody(required = false) Agreement body, Authentication who) {
        return desk.view(desk.agree(id, UpgradeDocument.of(document), body == null ? null : body.signerName(),
                who.getName()));
    }

    @PostMapping("/{id}/{document}/send-back")
    @CanAgreeRecords
    UpgradeView sendBack(@PathVariable long id, @PathVariable String document, @RequestBody SendBack body,
                         Authentication who) {
        return desk.view(desk.sendBack(id, UpgradeDocument.of(document), body.reason(), who.getName()));
    }

    /** The name the hospital's reviewer signs with; the account when omitted. */
    record Agreement(String signerName) {
    }

    record SendBack(String reason) {
    }
}
