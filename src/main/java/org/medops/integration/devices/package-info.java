/**
 * Device-interface logs (设备接口日志): channels marked as the interface of an analyser (→ LIS) or a modality
 * (→ PACS), with the device, its search keys (sample number, barcode), the paths of patient identifiers and the
 * responsibility list (故障责任清单); per interface its messages searched by key and time, each shown as the bytes
 * the device sent (hex and text, in the channel's charset) beside what reached the system, field by field with
 * the differences marked; a failed message pre-fills an ops-desk fault report with the responsible party.
 */
@ApplicationModule
package org.medops.integration.devices;

import org.springframework.modulith.ApplicationModule;
