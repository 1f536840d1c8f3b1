/**
 * The document archive (文档归档) and the handover package (移交): every document the platform produces or receives —
 * collected from the features that hold documents ({@link org.medops.records.ArchiveSource} beans, signed inspection
 * reports) or uploaded — kept as its own copy with type, system, date, version, who uploaded and signed it and its
 * SHA-256; a new version when the content changes, nothing changes once signed. Searchable, exportable, and handed
 * over as one zip with a Chinese index (index.xlsx) — the half-year and final maintenance-record packages included.
 */
@ApplicationModule(displayName = "Records archive")
package org.medops.records.archive;

import org.springframework.modulith.ApplicationModule;
