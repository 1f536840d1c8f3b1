package org.medops.reporting.contracts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.medops.shared.FormValues;
import org.medops.shared.ProblemException;

/**
 * The console's form for a new contract year. Filled in as the year after the newest contract, copying the
 * shown one: its items, bands and milestones (fixed dates moved by the years between them).
 */
record ContractForm(Integer year, String name, String vendor, String startsOn, String endsOn, String fee,
                    BandBasis bandBasis, Long copyFrom) {

    static ContractForm next(Optional<Contract> shown, List<Contract> all, LocalDate today) {
        int year = all.stream().mapToInt(Contract::year).max().stream().map(y -> y + 1).findFirst()
                .orElse(today.getYear());
        return new ContractForm(year, shown.map(Contract::name).orElse(null), shown.map(Contract::vendor).orElse(null),
                LocalDate.of(year, 1, 1).toString(), LocalDate.of(year, 12, 31).toString(),
                shown.map(c -> c.fee().toPlainString()).orElse(null),
                shown.map(Contract::bandBasis).orElse(BandBasis.AS_SCORED), shown.map(Contract::id).orElse(null));
    }

    ContractRequests.NewContract toRequest(Optional<Contract> template, List<Milestone> milestones) {
        int years = template.map(t -> year == null ? 0 : year - t.year()).orElse(0);
        return new ContractRequests.NewContract(year, FilterText.orNull(name), FilterText.orNull(vendor), FormValues.day(startsOn, "reporting-day-invalid"),
                FormValues.day(endsOn, "reporting-day-invalid"), FormValues.amount(fee, "reporting-number-invalid"), bandBasis, template.map(Contract::items).orElse(null),
                template.map(Contract::bands).orElse(null),
                milestones.stream().map(m -> new ContractRequests.NewMilestone(m.name(),
                        m.dueOn() == null ? null : m.dueOn().plusYears(years), m.servicePercent(), m.sharePercent(),
                        m.requiredRecords(), m.finalPayment())).toList());
    }

    /** The contract's items with the points posted as {@code points.<code>}; an item not posted keeps its points. */
    static ContractRequests.Items items(Contract contract, Map<String, String> fields) {
        List<ScorecardItem> items = new ArrayList<>();
        for (ScorecardItem item : contract.items()) {
            String posted = fields.get("points." + item.code());
            int points = item.maxPoints();
            if (posted != null && !item.deductionOnly()) {
                try {
                    points = Integer.parseInt(posted.strip());
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("reporting-number-invalid", posted);
                }
            }
            items.add(new ScorecardItem(item.code(), item.name(), item.criteria(), points, item.deductionOnly()));
        }
        String basis = fields.get("bandBasis");
        BandBasis chosen = contract.bandBasis();
        if (basis != null && !basis.isBlank()) {
            try {
                chosen = BandBasis.valueOf(basis);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("reporting-band-basis-invalid", basis);
            }
        }
        return new ContractRequests.Items(items, chosen);
    }
}
