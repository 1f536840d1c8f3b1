package org.medops.reporting.scorecard;

import java.time.LocalDate;
import java.util.List;

import org.medops.inspection.InspectionRounds;
import org.medops.opsdesk.ServiceFacts;
import org.medops.reporting.facts.RecordedFacts;

/** Everything a quarter's card is pre-filled from, read through the modules' published APIs. */
record QuarterFacts(LocalDate first, LocalDate last, List<InspectionRounds.PlannedRound> rounds,
                    List<ServiceFacts.Outage> outages, List<ServiceFacts.SlaMiss> slaMisses,
                    List<ServiceFacts.Rework> rework, RecordedFacts.OfPeriod recorded) {
}
