package org.medops.records.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.medops.shared.ProblemException;

/**
 * An optimisation project and its milestones in order. Completing one sets the next one's due date from the day it
 * was completed, so whoever is late moves everything after it: the hospital's late confirmation gives the vendor
 * its full 30 working days from the day it actually confirmed.
 */
record Project(long id, String name, List<String> systems, BigDecimal fee, LocalDate startedOn, List<String> scenarios,
               List<Long> notifyTargets, Instant createdAt, String createdBy, List<Milestone> milestones,
               List<Extension> extensions) {

    static final int MAX_NAME = 200;
    static final int MAX_SCENARIOS = 200;

    Project {
        systems = List.copyOf(systems);
        scenarios = List.copyOf(scenarios);
        notifyTargets = List.copyOf(notifyTargets);
        milestones = List.copyOf(milestones);
        extensions = List.copyOf(extensions);
    }

    static Project plan(String name, List<String> systems, BigDecimal fee, LocalDate startedOn, List<String> scenarios,
                        List<Long> notifyTargets, Instant at, String by, WorkingDays days, ProjectRules rules) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > MAX_NAME) {
            throw ProblemException.invalid("project-name-invalid", MAX_NAME);
        }
        if (systems == null || systems.isEmpty()) {
            throw ProblemException.invalid("project-systems-missing");
        }
        if (fee == null || fee.signum() < 0 || fee.scale() > 2 || fee.precision() - fee.scale() > 12) {
            throw ProblemException.invalid("project-fee-invalid");
        }
        if (startedOn == null) {
            throw ProblemException.invalid("project-start-missing");
        }
        List<String> cleaned = scenarios == null ? List.of() : scenarios.stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).distinct().toList();
        if (cleaned.size() > MAX_SCENARIOS || cleaned.stream().anyMatch(s -> s.length() > 200)) {
            throw ProblemException.invalid("project-scenarios-invalid", MAX_SCENARIOS);
        }
        List<Milestone> milestones = new ArrayList<>();
        for (MilestoneCode code : MilestoneCode.values()) {
            milestones.add(Milestone.open(code, code == MilestoneCode.RESEARCH_REPORT
                    ? days.after(startedOn, code.workingDays(rules)) : null));
        }
        return new Project(0, title, systems.stream().map(String::strip).distinct().toList(), fee, startedOn, cleaned,
                notifyTargets == null ? List.of() : notifyTargets, at, by, milestones, List.of());
    }

    Milestone milestone(MilestoneCode code) {
        return milestones.get(code.ordinal());
    }

    /** The first milestone not completed yet, or null when the project is accepted. */
    Milestone current() {
        return milestones.stream().filter(m -> !m.completed()).findFirst().orElse(null);
    }

    Project complete(MilestoneCode code, LocalDate on, String by, Milestone.Document document, List<String> covered,
                     LocalDate today, WorkingDays days, ProjectRules rules) {
        Milestone milestone = milestone(code);
        if (milestone.completed()) {
            throw ProblemException.conflict("project-milestone-done", code.name());
        }
        Milestone current = current();
        if (current != milestone) {
            throw ProblemException.conflict("project-milestone-order", code.name(), current.code().name());
        }
        if (on == null) {
            throw ProblemException.invalid("project-milestone-date-missing");
        }
        LocalDate earliest = code.ordinal() == 0 ? startedOn : milestone(MilestoneCode.values()[code.ordinal() - 1])
                .completedOn();
        if (on.isBefore(earliest) || on.isAfter(today)) {
            throw ProblemException.invalid("project-milestone-date-invalid", on.toString(), earliest.toString(),
                    today.toString());
        }
        if (document == null) {
            throw ProblemException.invalid("project-milestone-document-missing", code.name());
        }
        List<String> signedOff = covered == null ? List.of() : covered.stream().map(String::strip).distinct().toList();
        if (code == MilestoneCode.TEST_REPORT) {
            Set<String> missing = new HashSet<>(scenarios);
            missing.removeAll(signedOff);
            if (scenarios.isEmpty() || !missing.isEmpty()) {
                throw ProblemException.invalid("project-scenarios-uncovered", String.join("、", scenarios.stream()
                        .filter(missing::contains).toList()));
            }
        }
        List<Milestone> next = new ArrayList<>(milestones);
        next.set(code.ordinal(), milestone.complete(on, by, document,
                code == MilestoneCode.TEST_REPORT ? signedOff : List.of()));
        MilestoneCode following = code.next();
        if (following != null) {
            next.set(following.ordinal(), next.get(following.ordinal()).dueOn(days.after(on,
                    following.workingDays(rules) + (following == MilestoneCode.DELIVERY ? extensionDays() : 0))));
        }
        return with(next, extensions);
    }

    Project propose(Extension extension) {
        if (milestone(MilestoneCode.DELIVERY).completed()) {
            throw ProblemException.conflict("project-extension-delivered");
        }
        if (extension.workingDays() < 1 || extension.workingDays() > 250) {
            throw ProblemException.invalid("project-extension-days-invalid");
        }
        if (extension.reason() == null || extension.reason().isBlank() || extension.reason().length() > 1000) {
            throw ProblemException.invalid("project-extension-reason-invalid");
        }
        if (extensions.stream().anyMatch(e -> !e.agreed())) {
            throw ProblemException.conflict("project-extension-pending");
        }
        List<Extension> all = new ArrayList<>(extensions);
        all.add(extension);
        return with(milestones, all);
    }

    /** The other party agrees: the delivery's due date moves by the extension's working days. */
    Project agree(long extensionId, String by, Party party, Instant at, WorkingDays days) {
        Extension extension = extensions.stream().filter(e -> e.id() == extensionId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("project-extension", extensionId));
        if (extension.agreed()) {
            throw ProblemException.conflict("project-extension-agreed", extensionId);
        }
        if (party == extension.party() || by.equals(extension.proposedBy())) {
            throw ProblemException.conflict("project-extension-same-party");
        }
        if (milestone(MilestoneCode.DELIVERY).completed()) {
            throw ProblemException.conflict("project-extension-delivered");
        }
        List<Extension> all = extensions.stream().map(e -> e.id() == extensionId
                ? new Extension(e.id(), e.workingDays(), e.reason(), e.proposedBy(), e.party(), e.proposedAt(), by, at)
                : e).toList();
        Project agreed = with(milestones, all);
        Milestone confirmation = milestone(MilestoneCode.CONFIRMATION);
        if (!confirmation.completed()) {
            return agreed;
        }
        List<Milestone> next = new ArrayList<>(milestones);
        next.set(MilestoneCode.DELIVERY.ordinal(), milestone(MilestoneCode.DELIVERY).dueOn(days.after(
                confirmation.completedOn(), MilestoneCode.DELIVERY.workingDays(null) + agreed.extensionDays())));
        return agreed.with(next, all);
    }

    int extensionDays() {
        return extensions.stream().filter(Extension::agreed).mapToInt(Extension::workingDays).sum();
    }

    /** Working days late per party, as of today. */
    int late(Party party, LocalDate today, WorkingDays days) {
        return milestones.stream().filter(m -> m.code().party() == party).mapToInt(m -> m.late(today, days)).sum();
    }

    /** The vendor's penalty on the delivery: 0.5 % of the fee per working day late, as of today. */
    Penalty penalty(LocalDate today, WorkingDays days, ProjectRules rules) {
        int late = milestone(MilestoneCode.DELIVERY).late(today, days);
        BigDecimal amount = fee.multiply(rules.penaltyPerDay()).multiply(BigDecimal.valueOf(late))
                .setScale(2, RoundingMode.HALF_UP);
        return new Penalty(late, rules.penaltyPerDay().multiply(BigDecimal.valueOf(late * 100L)).stripTrailingZeros(),
                amount, late >= rules.warningDays(), late > rules.warningDays());
    }

    /** @param terminable more than the warning days late: the hospital may terminate (有权解除协议) */
    record Penalty(int delayWorkingDays, BigDecimal percentOfFee, BigDecimal amount, boolean warning,
                   boolean terminable) {
    }

    Project withId(long newId, List<Extension> storedExtensions) {
        return new Project(newId, name, systems, fee, startedOn, scenarios, notifyTargets, createdAt, createdBy,
                milestones, storedExtensions);
    }

    private Project with(List<Milestone> newMilestones, List<Extension> newExtensions) {
        return new Project(id, name, systems, fee, startedOn, scenarios, notifyTargets, createdAt, createdBy,
                newMilestones, newExtensions);
    }
}
