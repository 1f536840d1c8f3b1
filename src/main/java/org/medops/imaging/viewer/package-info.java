/**
 * The viewer (影像调阅页面): the studies list (identifiers masked, paged) and {@code /imaging/viewer?study=…} — series
 * thumbnails, stack scroll, cine at the file's rate, window/level by drag and presets, zoom, pan, invert, reset, an
 * overlay, and length/angle tools labelled with the calibration the DICOM rules chose. Plain JavaScript of our own
 * over the store's DICOMweb endpoints (frames rendered server-side with the chosen window).
 */
@ApplicationModule(displayName = "Imaging viewer")
package org.medops.imaging.viewer;

import org.springframework.modulith.ApplicationModule;
