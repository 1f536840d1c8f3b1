/**
 * The DICOM store (影像存储): receives instances by upload and STOW-RS, keeps each file once under the data directory
 * (named by its SHA-256, read-only, verified on every read), indexes patient, study, series and instance attributes in
 * PostgreSQL and answers a DICOMweb subset (QIDO-RS, WADO-RS) and the measurement API. Patient identifiers are masked
 * unless the reader holds the data right; every retrieval of a study is audited.
 */
@ApplicationModule(displayName = "Imaging store and DICOMweb")
package org.medops.imaging.store;

import org.springframework.modulith.ApplicationModule;
