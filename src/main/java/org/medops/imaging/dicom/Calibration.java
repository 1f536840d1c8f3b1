package org.medops.imaging.dicom;

import java.util.List;
import java.util.Optional;

/**
 * How pixel coordinates become millimetres, by the DICOM rules: Pixel Spacing (top level, or the shared Pixel
 * Measures of an enhanced instance), else Imager Pixel Spacing corrected by the Estimated Radiographic Magnification
 * Factor, else Imager Pixel Spacing alone (with a warning), else pixels (with a warning). A user calibration against a
 * catheter replaces the file's. Coordinates: x to the right (columns), y down (rows).
 *
 * @param rowSpacing    mm between the centres of adjacent rows (the vertical, y, spacing) — the first value
 * @param columnSpacing mm between the centres of adjacent columns (the horizontal, x, spacing) — the second value
 */
public record Calibration(CalibrationSource source, double rowSpacing, double columnSpacing) {

    /** One French is a third of a millimetre (catheter outer diameter). */
    public static final double MM_PER_FRENCH = 1.0 / 3.0;

    /** A computed length: unit {@code mm} or {@code px}; warning a stable code, or null. */
    public record Length(double length, String unit, CalibrationSource calibration, String warning) {
    }

    public static final Calibration NONE = new Calibration(CalibrationSource.NONE, 1, 1);

    public Calibration {
        if (!(rowSpacing > 0) || !(columnSpacing > 0) || !Double.isFinite(rowSpacing)
                || !Double.isFinite(columnSpacing)) {
            throw new IllegalArgumentException("spacing must be positive");
        }
    }

    public static Calibration of(DicomDataset d) {
        Optional<double[]> pixelSpacing = spacing(d.doubles(Tags.PIXEL_SPACING))
                .or(() -> sharedPixelMeasures(d));
        if (pixelSpacing.isPresent()) {
            return new Calibration(CalibrationSource.PIXEL_SPACING, pixelSpacing.get()[0], pixelSpacing.get()[1]);
        }
        Optional<double[]> imager = spacing(d.doubles(Tags.IMAGER_PIXEL_SPACING));
        if (imager.isPresent()) {
            Optional<Double> ermf = d.decimal(Tags.ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR)
                    .filter(f -> f > 0 && Double.isFinite(f));
            if (ermf.isPresent()) {
                return new Calibration(CalibrationSource.ERMF, imager.get()[0] / ermf.get(),
                        imager.get()[1] / ermf.get());
            }
            return new Calibration(CalibrationSource.IMAGER_PIXEL_SPACING, imager.get()[0], imager.get()[1]);
        }
        return NONE;
    }

    /**
     * Calibrates against a catheter of {@code french} French whose diameter spans {@code from}–{@code to} pixels in
     * the image: isotropic, mm per pixel = diameter in mm ÷ its length in pixels.
     */
    public static Calibration userCatheter(double french, double[] from, double[] to) {
        double pixels = Math.hypot(to[0] - from[0], to[1] - from[1]);
        if (!(french > 0) || !(pixels > 0)) {
            throw new IllegalArgumentException("catheter size and its drawn diameter must be positive");
        }
        double mmPerPixel = french * MM_PER_FRENCH / pixels;
        return new Calibration(CalibrationSource.USER, mmPerPixel, mmPerPixel);
    }

    private static Optional<double[]> sharedPixelMeasures(DicomDataset d) {
        List<DicomDataset> shared = d.sequence(Tags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
        return shared.stream().flatMap(g -> g.sequence(Tags.PIXEL_MEASURES_SEQUENCE).stream())
                .map(m -> spacing(m.doubles(Tags.PIXEL_SPACING))).flatMap(Optional::stream).findFirst();
    }

    private static Optional<double[]> spacing(double[] values) {
        if (values.length == 2 && values[0] > 0 && values[1] > 0) {
            return Optional.of(values);
        }
        if (values.length == 1 && values[0] > 0) {
            return Optional.of(new double[] {values[0], values[0]});
        }
        return Optional.empty();
    }

    public boolean millimetres() {
        return source != CalibrationSource.NONE;
    }

    /** The warning a label must show, or null. */
    public String warning() {
        return switch (source) {
            case NONE -> "imaging-uncalibrated";
            case IMAGER_PIXEL_SPACING -> "imaging-detector-plane";
            default -> null;
        };
    }

    public Length length(double[] from, double[] to) {
        double dx = (to[0] - from[0]) * columnSpacing;
        double dy = (to[1] - from[1]) * rowSpacing;
        return new Length(Math.hypot(dx, dy), millimetres() ? "mm" : "px", source, warning());
    }

    /** The angle at {@code vertex} between the rays to {@code a} and {@code b}, in degrees, in calibrated space. */
    public double angle(double[] a, double[] vertex, double[] b) {
        double ax = (a[0] - vertex[0]) * columnSpacing;
        double ay = (a[1] - vertex[1]) * rowSpacing;
        double bx = (b[0] - vertex[0]) * columnSpacing;
        double by = (b[1] - vertex[1]) * rowSpacing;
        double cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }
}
