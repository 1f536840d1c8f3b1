package org.medops.imaging.dicom;

/** Where a measurement's millimetres come from, in the order the rules try them. */
public enum CalibrationSource {
    /** Pixel Spacing (0028,0030): in the patient, row spacing first. */
    PIXEL_SPACING,
    /** Imager Pixel Spacing (0018,1164) divided by the Estimated Radiographic Magnification Factor (0018,1114). */
    ERMF,
    /** Imager Pixel Spacing alone: at the detector, so magnified objects measure too large. */
    IMAGER_PIXEL_SPACING,
    /** Calibrated by the user against an object of known size (a catheter of N French). */
    USER,
    /** Nothing to calibrate with: lengths in pixels. */
    NONE
}
