package org.medops.records.versions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.medops.opsdesk.ChangeLookup;
import org.medops.opsdesk.ChangeSummary;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafts upgrades on requested changes, records the hospital's agreement, concludes them when the change ends. */
@Service
class UpgradeDesk {

    static final String SUBMITTED = "SUBMITTED";
    static final String REVISED = "REVISED";

    private final Upgrades upgrades;
    private final Versions versions;
    private final VersionRegister register;
    private final ChangeLookup changes;
    private final HospitalZone zone;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UpgradeDesk(Upgrades upgrades, Versions versions, VersionRegister register, ChangeLookup changes, HospitalZone zone,
                ApplicationEventPublisher events, Clock clock) {
        this.upgrades = upgrades;
        this.versions = versions;
        this.register = register;
        this.changes = changes;
        this.zone = zone;
        this.events = events;
        this.clock = clock;
    }

    /** The change must still await authorization: the hospital agrees to the documents first. */
    @Transactional
    Upgrade draft(NewUpgrade draft, String by) {
        ChangeSummary change = changes.find(draft.changeId())
                .orElseThrow(() -> ProblemException.notFound("change", draft.changeId()));
        if (upgrades.forChange(change.id()).isPresent()) {
            throw ProblemException.conflict("upgrade-change-taken", Long.toString(change.id()));
        }
        if (change.status() != ChangeSummary.Status.REQUESTED) {
            throw ProblemException.conflict("upgrade-change-not-requested", Long.toString(change.id()), change.status());
        }
        if (versions.exists(change.systemCode(), draft.targetVersion())) {
            throw ProblemException.conflict("version-exists", draft.targetVersion().strip(), change.systemCode());
        }
        String from = versions.history(change.systemCode()).stream().findFirst().map(InstalledVersion::version)
                .orElse(null);
        Instant now = clock.instant();
        Upgrade drafted = Upgrade.draft(change.id(), change.systemCode(), change.title(), from, draft.targetVersion(),
                draft.assessment(), draft.plan(), by, now);
        long id = upgrades.insert(drafted);
        upgrades.decided(id, UpgradeDocument.ASSESSMENT, 1, SUBMITTED, by, null, null, now);
        upgrades.decided(id, UpgradeDocument.PLAN, 1, SUBMITTED, by, null, null, now);
        Upgrade saved = upgrades.find(id).orElseThrow();
        events.publishEvent(new RecordsVersionAction("records.upgrade.draft", "records-upgrade", Long.toString(id),
                List.of(FieldChange.set("changeId", change.id()), FieldChange.set("systemCode", change.systemCode()),
                        FieldChange.set("targetVersion", saved.targetVersion()))));
        return saved;
    }

    @Transactional
    Upgrade revise(long id, Assessment assessment, String by) {
        Instant now = clock.instant();
        return step(id, "records.upgrade.revise-assessment", u -> u.revise(assessment, by, now), UpgradeDocument.ASSESSMENT,
                REVISED, by, null, null);
    }

    @Transactional
    Upgrade revise(long id, UpgradePlan plan, String by) {
        Instant now = clock.instant();
        return step(id, "records.upgrade.revise-plan", u -> u.revise(plan, by, now), UpgradeDocument.PLAN, REVISED, by,
                null, null);
    }

    /** The hospital agrees to the document's current revision; the name it signs with is kept with the decision. */
    @Transactional
    Upgrade agree(long id, UpgradeDocument document, String signerName, String by) {
        Instant now = clock.instant();
        String signer = signerName == null || signerName.isBlank() ? null : signerName.strip();
        return step(id, "records.upgrade.agree-" + document.code(), u -> u.agree(document, by, now), document,
                DocumentState.AGREED.name(), by, signer, null);
    }

    @Transactional
    Upgrade sendBack(long id, UpgradeDocument document, String reason, String by) {
        Instant now = clock.instant();
        return step(id, "records.upgrade.send-back-" + document.code(), u -> u.sendBack(document, reason, by, now),
                document, DocumentState.SENT_BACK.name(), by, null, reason == null ? null : reason.strip());
    }

    /**
     * The change ended: a success registers the target version as the system's, installed on the day the change
     * finished (in the hospital's zone) by the engineer who requested it; a failure or rollback leaves the register.
     */
    @Transactional
    void changeFinished(long changeId, boolean succeeded, Instant finishedAt, String engineer) {
        upgrades.forChange(changeId).filter(u -> u.status() == UpgradeStatus.AGREED).ifPresent(u -> {
            Long versionId = null;
            if (succeeded) {
                LocalDate on = LocalDate.ofInstant(finishedAt, zone.get());
                versionId = register.register(new NewVersion(u.systemCode(), u.targetVersion(), on, engineer,
                        u.title() + "\n" + u.assessment().reason(), changeId), u.id(), engineer).id();
            }
            Upgrade concluded = u.concluded(succeeded, versionId, finishedAt);
            upgrades.update(concluded);
            events.publishEvent(new RecordsVersionAction("records.upgrade.conclude", "records-upgrade",
                    Long.toString(u.id()), FieldChange.between(view(u), view(concluded))));
        });
    }

    /** The guard's question: may the change be authorized? Not while an upgrade on it waits for agreement. */
    void requireAgreed(ChangeSummary change) {
        upgrades.forChange(change.id()).filter(u -> !u.agreed()).ifPresent(u -> {
            throw ProblemException.conflict("upgrade-not-agreed", Long.toString(change.id()), Long.toString(u.id()));
        });
    }

    UpgradeView view(long id) {
        return view(upgrades.find(id).orElseThrow(() -> ProblemException.notFound("records-upgrade", id)));
    }

    UpgradeView view(Upgrade u) {
        List<Upgrades.Decision> history = upgrades.decisions(u.id());
        UpgradeView.Change change = changes.find(u.changeId())
                .map(c -> new UpgradeView.Change(c.id(), c.title(), c.status())).orElse(null);
        return new UpgradeView(u.id(), u.title(), u.systemCode(), u.fromVersion(), u.targetVersion(), u.status(),
                u.createdBy(), u.createdAt(), document(u, UpgradeDocument.ASSESSMENT, u.assessment(), history),
                document(u, UpgradeDocument.PLAN, u.plan(), history), change, u.completedAt(), u.versionId(), history);
    }

    /** The requested changes of a system an upgrade could run as (no upgrade on them yet). */
    List<ChangeSummary> candidateChanges(String systemCode) {
        return changes.forSystem(systemCode, 50).stream().filter(c -> c.status() == ChangeSummary.Status.REQUESTED)
                .filter(c -> upgrades.forChange(c.id()).isEmpty()).toList();
    }

    private <T> UpgradeView.Document<T> document(Upgrade u, UpgradeDocument which, T content,
                                                 List<Upgrades.Decision> history) {
        Upgrade.Review review = u.review(which);
        Upgrades.Decision last = history.stream().filter(d -> d.document() == which && d.revision() == review.revision())
                .reduce((first, second) -> second).orElse(null);
        String agreedBy = review.state() == DocumentState.AGREED && last != null
                ? (last.signerName() != null ? last.signerName() : last.byUser()) : null;
        String reason = review.state() == DocumentState.SENT_BACK && last != null ? last.reason() : null;
        return new UpgradeView.Document<>(content, review.revision(), review.state(), review.by(), review.at(), agreedBy,
                reason);
    }

    private Upgrade step(long id, String action, UnaryOperator<Upgrade> change, UpgradeDocument document,
                         String decision, String by, String signer, String reason) {
        Upgrade before = upgrades.lock(id).orElseThrow(() -> ProblemException.notFound("records-upgrade", id));
        Upgrade after = change.apply(before);
        upgrades.update(after);
        Upgrade.Review review = after.review(document);
        upgrades.decided(id, document, review.revision(), decision, by, signer, reason, review.at());
        List<FieldChange> trail = new java.util.ArrayList<>(FieldChange.between(before, after));
        if (reason != null) {
            trail.add(FieldChange.set("reason", reason));
        }
        if (signer != null) {
            trail.add(FieldChange.set("signerName", signer));
        }
        events.publishEvent(new RecordsVersionAction(action, "records-upgrade", Long.toString(id), trail));
        return after;
    }
}
