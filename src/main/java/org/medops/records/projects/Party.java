package org.medops.records.projects;

/** Who owes a milestone: the vendor (乙方) or the hospital (甲方). */
public enum Party {
    VENDOR, HOSPITAL
}
