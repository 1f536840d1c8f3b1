package org.medops.imaging.store;

import java.util.List;

/**
 * What the viewer shows of one study: the patient as the reader may see it, and per series the instances with their
 * geometry, cine rate, calibration and the file's windows.
 */
public record StudyOverview(String studyUid, String patientId, String patientName, String studyDate,
                            String studyDescription, String accessionNumber, List<Series> series) {

    public record Series(String seriesUid, String modality, String description, List<Instance> instances) {
    }

    /** {@code windows}: the file's centre/width pairs, flattened. */
    public record Instance(String sopInstanceUid, int rows, int columns, int frames, double framesPerSecond,
                           String calibration, double rowSpacing, double columnSpacing, List<double[]> windows,
                           boolean decodable) {
    }

    /** One line of the studies list (identifiers masked). */
    public record Summary(String studyUid, String patientId, String patientName, String studyDate,
                          String modalities, String studyDescription, int series, int instances) {
    }
}
