package org.medops.imaging.dicom;

/** The modality LUT as a line (PS3.3 C.11.1): output units = stored value × slope + intercept (e.g. HU for CT). */
public record Rescale(double slope, double intercept) {

    public static final Rescale IDENTITY = new Rescale(1, 0);

    public static Rescale of(DicomDataset d) {
        double slope = d.decimal(Tags.RESCALE_SLOPE).filter(s -> s != 0).orElse(1.0);
        return new Rescale(slope, d.decimal(Tags.RESCALE_INTERCEPT).orElse(0.0));
    }

    public double apply(int stored) {
        return stored * slope + intercept;
    }
}
