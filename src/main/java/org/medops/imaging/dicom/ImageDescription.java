package org.medops.imaging.dicom;

/**
 * The image pixel module (PS3.3 C.7.6.3) and the cine timing of an instance: what a decoder and a player need.
 *
 * @param framesPerSecond from Cine Rate, else Recommended Display Frame Rate, else 1000 / Frame Time; 0 when the
 *                        file says nothing
 */
public record ImageDescription(int rows, int columns, int samplesPerPixel, String photometric, int planarConfiguration,
                               int bitsAllocated, int bitsStored, int highBit, boolean signed, int frames,
                               double framesPerSecond) {

    public static ImageDescription of(DicomDataset d) {
        int rows = d.integer(Tags.ROWS, 0);
        int columns = d.integer(Tags.COLUMNS, 0);
        int bitsAllocated = d.integer(Tags.BITS_ALLOCATED, 0);
        int bitsStored = d.integer(Tags.BITS_STORED, bitsAllocated);
        double fps = d.decimal(Tags.CINE_RATE).filter(v -> v > 0)
                .or(() -> d.decimal(Tags.RECOMMENDED_DISPLAY_FRAME_RATE).filter(v -> v > 0))
                .or(() -> d.decimal(Tags.FRAME_TIME).filter(v -> v > 0).map(ms -> 1000.0 / ms))
                .orElse(0.0);
        return new ImageDescription(rows, columns, d.integer(Tags.SAMPLES_PER_PIXEL, 1),
                d.string(Tags.PHOTOMETRIC_INTERPRETATION, "MONOCHROME2"), d.integer(Tags.PLANAR_CONFIGURATION, 0),
                bitsAllocated, bitsStored, d.integer(Tags.HIGH_BIT, bitsStored - 1),
                d.integer(Tags.PIXEL_REPRESENTATION, 0) == 1, Math.max(1, d.integer(Tags.NUMBER_OF_FRAMES, 1)), fps);
    }

    public boolean hasPixels() {
        return rows > 0 && columns > 0 && bitsAllocated > 0;
    }

    public boolean grayscale() {
        return photometric.startsWith("MONOCHROME");
    }

    /** MONOCHROME1: the lowest value is white. */
    public boolean invertedByDefinition() {
        return photometric.equals("MONOCHROME1");
    }

    int pixels() {
        return rows * columns;
    }

    int bytesPerSample() {
        return bitsAllocated / 8;
    }

    int frameBytes() {
        return pixels() * samplesPerPixel * bytesPerSample();
    }

    /** The stored value of a raw sample: bits below the high bit, sign-extended when signed. */
    int storedValue(int raw) {
        int shifted = raw >>> (highBit + 1 - bitsStored);
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int v = shifted & mask;
        if (signed && bitsStored < 32 && (v & (1 << (bitsStored - 1))) != 0) {
            v |= ~mask;
        }
        return v;
    }
}
