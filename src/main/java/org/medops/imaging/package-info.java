/**
 * Imaging (影像调阅): a DICOM store with a DICOMweb subset, a browser viewer with window/level, cine and measurement
 * calibrated by the DICOM rules, and the calibration records of medical displays. Its features are nested modules.
 */
package org.medops.imaging;
