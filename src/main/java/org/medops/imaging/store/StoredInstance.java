package org.medops.imaging.store;

import java.time.Instant;

import org.medops.imaging.dicom.Calibration;
import org.medops.imaging.dicom.DicomDataset;
import org.medops.imaging.dicom.ImageDescription;
import org.medops.imaging.dicom.Tags;

/** One indexed instance: the attributes QIDO answers with, and where its file lies. */
record StoredInstance(String sopInstanceUid, String sopClassUid, String studyUid, String seriesUid,
                      Patient patient, String studyDate, String studyTime, String accessionNumber,
                      String studyDescription, String modality, Integer seriesNumber, String seriesDescription,
                      Integer instanceNumber, int rows, int columns, int frames, double framesPerSecond,
                      String transferSyntax, String calibration, String fileName, long fileSize, String sha256,
                      String storedBy, Instant storedAt) {

    /** The patient identifiers: never listed or logged whole without the data right. */
    record Patient(String id, String name, String sex, String birthDate) {

        Patient masked() {
            return new Patient(PatientMask.mask(id), PatientMask.mask(name), sex, birthDate.length() >= 4
                    ? birthDate.substring(0, 4) + "****" : birthDate);
        }
    }

    static StoredInstance from(DicomDataset d, String fileName, long size, String sha256, String actor, Instant at) {
        ImageDescription image = ImageDescription.of(d);
        String sop = d.string(Tags.SOP_INSTANCE_UID).or(() -> d.string(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID))
                .orElseThrow();
        return new StoredInstance(sop, d.string(Tags.SOP_CLASS_UID, ""), required(d, Tags.STUDY_INSTANCE_UID),
                required(d, Tags.SERIES_INSTANCE_UID),
                new Patient(cut(d.string(Tags.PATIENT_ID, ""), 64), cut(d.string(Tags.PATIENT_NAME, ""), 200),
                        cut(d.string(Tags.PATIENT_SEX, ""), 16), cut(d.string(Tags.PATIENT_BIRTH_DATE, ""), 8)),
                cut(d.string(Tags.STUDY_DATE, ""), 8), cut(d.string(Tags.STUDY_TIME, ""), 16),
                cut(d.string(Tags.ACCESSION_NUMBER, ""), 64), cut(d.string(Tags.STUDY_DESCRIPTION, ""), 200),
                cut(d.string(Tags.MODALITY, ""), 16), optionalInt(d, Tags.SERIES_NUMBER),
                cut(d.string(Tags.SERIES_DESCRIPTION, ""), 200), optionalInt(d, Tags.INSTANCE_NUMBER),
                image.rows(), image.columns(), image.frames(), image.framesPerSecond(), d.transferSyntax().uid(),
                Calibration.of(d).source().name(), fileName, size, sha256, actor, at);
    }

    private static String required(DicomDataset d, int tag) {
        return d.string(tag).filter(uid -> uid.length() <= 64).orElseThrow(() -> new org.medops.imaging.dicom
                .DicomFormatException("dicom-missing-uid", "missing or overlong " + Tags.format(tag)));
    }

    private static Integer optionalInt(DicomDataset d, int tag) {
        double[] v = d.doubles(tag);
        return v.length == 0 ? null : (int) v[0];
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    StoredInstance withPatient(Patient shown) {
        return new StoredInstance(sopInstanceUid, sopClassUid, studyUid, seriesUid, shown, studyDate, studyTime,
                accessionNumber, studyDescription, modality, seriesNumber, seriesDescription, instanceNumber, rows,
                columns, frames, framesPerSecond, transferSyntax, calibration, fileName, fileSize, sha256, storedBy,
                storedAt);
    }
}
