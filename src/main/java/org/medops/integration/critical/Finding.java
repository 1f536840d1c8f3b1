package org.medops.integration.critical;

import java.time.Instant;

/** One critical result as found in a message, before it becomes a record. */
record Finding(String setId, Patient patient, Item item, String value, String unit, String referenceRange,
               String flag, Reporter reporter, Instant reportedAt, Orderer orderer) {

    record Patient(String id, String name) {
    }

    record Item(String code, String name) {
    }

    /** Who reported it: the reporting department (检验科, 放射科) and person. */
    record Reporter(String department, String person) {
    }

    /** Who ordered it: the department, the ward, the clinician's name and account (for the in-app notice). */
    record Orderer(String department, String ward, String clinician, String clinicianId) {
    }
}
