package org.medops.inspection.reports;

import java.util.List;
import java.util.Locale;

import org.medops.inspection.rounds.RoundReader;
import org.medops.inspection.rounds.Template;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's signed reports: the information department (the demo reviewer) has signed the quarter's round and
 * every monthly database round but the newest, which waits for its signature as a real one would.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
@Order(51) // after the rounds' demo (50)
class SignedReportsDemo implements DemoData {

    private static final String SIGNER = "reviewer";
    private static final String SIGNED_NAME = "陈刚";

    private final Reports reports;
    private final RoundReader rounds;
    private final ReportStore store;

    SignedReportsDemo(Reports reports, RoundReader rounds, ReportStore store) {
        this.reports = reports;
        this.rounds = rounds;
        this.store = store;
    }

    @Override
    public String name() {
        return "signed inspection reports";
    }

    @Override
    public void seed() {
        List<Long> database = rounds.done(Template.DATABASE, 12);
        List<Long> signed = new java.util.ArrayList<>(rounds.done(Template.QUARTERLY, 1));
        if (database.size() > 1) {
            signed.addAll(database.subList(1, database.size()));
        }
        for (long round : signed) {
            if (store.find(round).filter(InspectionReport::signed).isEmpty()) {
                reports.sign(round, new SignRequest(SIGNED_NAME, null), SIGNER, Locale.SIMPLIFIED_CHINESE);
            }
        }
    }
}
