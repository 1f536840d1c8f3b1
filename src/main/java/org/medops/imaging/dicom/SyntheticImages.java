package org.medops.imaging.dicom;

/**
 * Synthetic instances with known geometry, for the demo and the tests: a CT-like slice (signed 16-bit, HU by rescale,
 * a bright disc, 40 pixels across on slice 1, wider on the next ones) and an XA cine run (Imager Pixel Spacing + ERMF, a moving vessel-like bar).
 * Identifiers are fake and say so.
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** Common identity of one synthetic study. */
    public record Study(String patientId, String patientName, String studyUid, String accession, String date) {
    }

    /**
     * A 128×128 CT slice at 0.5 × 0.75 mm (row × column): air −1000 HU, water 0 HU, a 40-pixel-wide bone disc
     * 1000 HU at the centre. Stored = HU + 1024 with intercept −1024, signed 16-bit.
     */
    public static byte[] ctSlice(Study study, String seriesUid, int instance, TransferSyntax syntax) {
        int size = 128;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = Math.hypot(x - 64, y - 64);
                int hu = r < 20 + 3 * ((instance - 1) % 4) ? 1000 : r < 56 ? 0 : -1000;
                pixels[y * size + x] = hu;
            }
        }
        return base(study, syntax, "CT", "1.2.840.10008.5.1.4.1.1.2", seriesUid, instance)
                .text(Tags.SERIES_DESCRIPTION, "LO", "Synthetic CT")
                .decimals(Tags.PIXEL_SPACING, 0.5, 0.75)
                .decimals(Tags.RESCALE_INTERCEPT, -1024)
                .decimals(Tags.RESCALE_SLOPE, 1)
                .decimals(Tags.WINDOW_CENTER, 40, 400)
                .decimals(Tags.WINDOW_WIDTH, 400, 1800)
                .grayscale(size, size, 12, true, storedHu(pixels))
                .toBytes();
    }

    private static int[] storedHu(int[] hu) {
        int[] out = new int[hu.length];
        for (int i = 0; i < hu.length; i++) {
            out[i] = hu[i] + 1024;
        }
        return out;
    }

    /**
     * An XA cine run of {@code frames} 96×96 8-bit frames at 15 fps (Frame Time 66.67 ms): Imager Pixel Spacing
     * 0.3 mm, ERMF 1.5 (so 0.2 mm in the patient); a dark bar that moves one pixel down each frame.
     */
    public static byte[] xaCine(Study study, String seriesUid, int instance, int frames, TransferSyntax syntax) {
        int size = 96;
        int[][] all = new int[frames][];
        for (int f = 0; f < frames; f++) {
            int[] pixels = new int[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean vessel = Math.abs(y - (20 + f)) < 3 && x > 10 && x < 86;
                    pixels[y * size + x] = vessel ? 40 : 180 + (x + y) % 16;
                }
            }
            all[f] = pixels;
        }
        return base(study, syntax, "XA", "1.2.840.10008.5.1.4.1.1.12.1", seriesUid, instance)
                .text(Tags.SERIES_DESCRIPTION, "LO", "Synthetic XA run")
                .decimals(Tags.IMAGER_PIXEL_SPACING, 0.3, 0.3)
                .decimals(Tags.ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR, 1.5)
                .decimals(Tags.FRAME_TIME, 66.6667)
                .integerString(Tags.CINE_RATE, 15)
                .decimals(Tags.WINDOW_CENTER, 128)
                .decimals(Tags.WINDOW_WIDTH, 256)
                .grayscale(size, size, 8, false, all)
                .toBytes();
    }

    private static DicomWriter base(Study study, TransferSyntax syntax, String modality, String sopClass,
                                    String seriesUid, int instance) {
        return DicomWriter.create(syntax)
                .text(Tags.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192")
                .text(Tags.SOP_CLASS_UID, "UI", sopClass)
                .text(Tags.SOP_INSTANCE_UID, "UI", seriesUid + "." + instance)
                .text(Tags.STUDY_DATE, "DA", study.date())
                .text(Tags.STUDY_TIME, "TM", "093000")
                .text(Tags.ACCESSION_NUMBER, "SH", study.accession())
                .text(Tags.MODALITY, "CS", modality)
                .text(Tags.MANUFACTURER, "LO", "MedOps synthetic")
                .text(Tags.STUDY_DESCRIPTION, "LO", modality.equals("XA") ? "冠状动脉造影 (synthetic)" : "胸部 CT (synthetic)")
                .text(Tags.PATIENT_NAME, "PN", study.patientName())
                .text(Tags.PATIENT_ID, "LO", study.patientId())
                .text(Tags.PATIENT_SEX, "CS", "O")
                .text(Tags.STUDY_INSTANCE_UID, "UI", study.studyUid())
                .text(Tags.SERIES_INSTANCE_UID, "UI", seriesUid)
                .integerString(Tags.SERIES_NUMBER, modality.equals("XA") ? 1 : 2)
                .integerString(Tags.INSTANCE_NUMBER, instance);
    }
}
