package org.medops.reporting.contracts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service contracts: set up, items adjusted, milestones invoiced and paid; read by the scorecard. */
@Service
public class ServiceContracts {

    private final Contracts contracts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceContracts(Contracts contracts, ApplicationEventPublisher events, Clock clock) {
        this.contracts = contracts;
        this.events = events;
        this.clock = clock;
    }

    public List<Contract> all() {
        return contracts.all();
    }

    public Optional<Contract> find(long id) {
        return contracts.find(id);
    }

    public Optional<Contract> byYear(int year) {
        return contracts.byYear(year);
    }

    /** The contract a quarter is scored under: the one running on the quarter's first day. */
    public Optional<Contract> covering(LocalDate day) {
        return contracts.covering(day);
    }

    public List<Milestone> milestones(long contractId) {
        return contracts.milestones(contractId);
    }

    @Transactional
    Contract create(ContractRequests.NewContract request) {
        if (!request.endsOn().isAfter(request.startsOn())) {
            throw ProblemException.invalid("reporting-contract-dates");
        }
        if (contracts.yearTaken(request.year())) {
            throw ProblemException.conflict("reporting-contract-year-taken", request.year());
        }
        List<ScorecardItem> items = request.items() == null || request.items().isEmpty() ? ScorecardItem.seedDefaults()
                : request.items();
        List<Band> bands = request.bands() == null || request.bands().isEmpty() ? Band.seedDefaults() : request.bands();
        checkItems(items);
        checkBands(bands);
        BandBasis basis = request.bandBasis() == null ? BandBasis.AS_SCORED : request.bandBasis();
        Instant now = clock.instant();
        long id = contracts.insert(request, basis, now);
        contracts.replaceItems(id, items, basis);
        contracts.replaceBands(id, bands);
        List<ContractRequests.NewMilestone> milestones = request.milestones() == null ? List.of() : request.milestones();
        checkMilestones(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            contracts.addMilestone(id, i, milestones.get(i));
        }
        events.publishEvent(new ContractAction("reporting.contract.create", "reportingContract", Long.toString(id),
                List.of(FieldChange.set("year", request.year()), FieldChange.set("name", request.name()),
                        FieldChange.set("fee", request.fee()), FieldChange.set("bandBasis", basis),
                        FieldChange.set("items", items.size()), FieldChange.set("milestones", milestones.size()))));
        return contracts.find(id).orElseThrow();
    }

    @Transactional
    Contract changeItems(long id, ContractRequests.Items request) {
        Contract before = contracts.find(id).orElseThrow(() -> ProblemException.notFound("reportingContract", id));
        checkItems(request.items());
        BandBasis basis = request.bandBasis() == null ? before.bandBasis() : request.bandBasis();
        contracts.replaceItems(id, request.items(), basis);
        Contract after = contracts.find(id).orElseThrow();
        events.publishEvent(new ContractAction("reporting.contract.items", "reportingContract", Long.toString(id),
                List.of(FieldChange.of("items", describe(before.items()), describe(after.items())),
                        FieldChange.of("bandBasis", before.bandBasis(), basis))));
        return after;
    }

    @Transactional
    Milestone invoice(long milestoneId, LocalDate on) {
        Milestone m = contracts.milestone(milestoneId)
                .orElseThrow(() -> ProblemException.notFound("reportingMilestone", milestoneId));
        contracts.invoice(milestoneId, on);
        events.publishEvent(new ContractAction("reporting.milestone.invoice", "reportingMilestone",
                Long.toString(milestoneId), List.of(FieldChange.of("invoiceReceivedOn", m.invoiceReceivedOn(), on))));
        return contracts.milestone(milestoneId).orElseThrow();
    }

    @Transactional
    Milestone pay(long milestoneId, LocalDate on, BigDecimal amount) {
        Milestone m = contracts.milestone(milestoneId)
                .orElseThrow(() -> ProblemException.notFound("reportingMilestone", milestoneId));
        if (m.invoiceReceivedOn() == null) {
            throw ProblemException.conflict("reporting-milestone-no-invoice", m.name());
        }
        contracts.paid(milestoneId, on, amount);
        events.publishEvent(new ContractAction("reporting.milestone.pay", "reportingMilestone",
                Long.toString(milestoneId), List.of(FieldChange.of("paidOn", m.paidOn(), on),
                FieldChange.of("paidAmount", m.paidAmount(), amount))));
        return contracts.milestone(milestoneId).orElseThrow();
    }

    private static void checkItems(List<ScorecardItem> items) {
        if (items.stream().map(ScorecardItem::code).distinct().count() != items.size()) {
            throw ProblemException.invalid("reporting-items-duplicate");
        }
    }

    private static void checkBands(List<Band> bands) {
        if (bands.stream().noneMatch(b -> b.minScore().signum() == 0)
                || bands.stream().map(b -> b.minScore().stripTrailingZeros()).distinct().count() != bands.size()) {
            throw ProblemException.invalid("reporting-bands-invalid");
        }
    }

    private static void checkMilestones(List<ContractRequests.NewMilestone> milestones) {
        if (milestones.isEmpty()) {
            return;
        }
        BigDecimal shares = milestones.stream().map(ContractRequests.NewMilestone::sharePercent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (shares.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw ProblemException.invalid("reporting-milestones-shares", shares.toPlainString());
        }
        if (milestones.stream().filter(ContractRequests.NewMilestone::finalPayment).count() != 1) {
            throw ProblemException.invalid("reporting-milestones-final");
        }
        if (milestones.stream().anyMatch(m -> (m.dueOn() == null) == (m.servicePercent() == null))) {
            throw ProblemException.invalid("reporting-milestone-due");
        }
    }

    private static String describe(List<ScorecardItem> items) {
        List<String> parts = new ArrayList<>();
        items.stream().sorted(Comparator.comparing(ScorecardItem::code))
                .forEach(i -> parts.add(i.code() + "=" + (i.deductionOnly() ? "-" : i.maxPoints())));
        return String.join(",", parts);
    }
}
