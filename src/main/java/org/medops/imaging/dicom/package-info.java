/**
 * DICOM Part 10 of our own: reads the file meta and the data set (explicit/implicit VR little endian, explicit big
 * endian, sequences of defined and undefined length), decodes pixel data (native, RLE Lossless, JPEG baseline through
 * ImageIO), applies the modality and VOI LUTs (rescale, window/level) and derives the measurement calibration by the
 * DICOM rules. Writes files too, for tests and the demo. No Spring here: plain values, fast to test.
 */
@ApplicationModule(displayName = "Imaging DICOM codec")
package org.medops.imaging.dicom;

import org.springframework.modulith.ApplicationModule;
