package org.medops.imaging.dicom;

/**
 * One decoded frame. Grayscale: the stored values (before the modality LUT), row by row. Colour: packed 0xRRGGBB.
 */
public record Frame(int rows, int columns, boolean grayscale, int[] values) {

    public int at(int x, int y) {
        return values[y * columns + x];
    }
}
