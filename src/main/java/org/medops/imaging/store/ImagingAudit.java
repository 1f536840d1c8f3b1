package org.medops.imaging.store;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Storing an instance, opening a study, saving a measurement: the audit trail records each. */
record ImagingAudit(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {

    static ImagingAudit stored(StoredInstance i) {
        return new ImagingAudit("imaging.instance.store", "imaging-instance", i.sopInstanceUid(),
                List.of(FieldChange.set("study", i.studyUid()), FieldChange.set("sha256", i.sha256()),
                        FieldChange.set("patient", PatientMask.mask(i.patient().id()))));
    }

    /** An open of a study's images or metadata; {@code how} says through what (viewer, wado, metadata). */
    static ImagingAudit opened(String studyUid, String how, boolean unmasked) {
        return new ImagingAudit("imaging.study.open", "imaging-study", studyUid,
                List.of(FieldChange.set("via", how), FieldChange.set("identifiers", unmasked ? "whole" : "masked")));
    }

    static ImagingAudit measured(long id, String studyUid, String value) {
        return new ImagingAudit("imaging.measurement.save", "imaging-study", studyUid,
                List.of(FieldChange.set("measurement", id), FieldChange.set("value", value)));
    }
}
