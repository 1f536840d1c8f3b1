package org.medops.reporting.scorecard;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone drafted a card, adjusted, added or struck a deduction, or finalised the card. */
record ScorecardAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "reportingScorecard";
    }
}
