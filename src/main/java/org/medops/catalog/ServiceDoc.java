package org.medops.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What the developer portal shows of a service: only a published one is visible to developers.
 *
 * @param openApi    an OpenAPI document as JSON or YAML text, checked to parse when saved
 * @param errorCodes one code a line, then its meaning: {@code PATIENT-NOT-FOUND 患者不存在}
 */
public record ServiceDoc(String serviceCode, boolean published, String summary, String requestExample,
                         String responseExample, String openApi, String errorCodes, Instant updatedAt,
                         String updatedBy) {

    public List<ErrorCode> errorCodeList() {
        if (errorCodes == null || errorCodes.isBlank()) {
            return List.of();
        }
        return errorCodes.lines().map(String::trim).filter(line -> !line.isEmpty()).map(line -> {
            String[] parts = line.split("\\s*[|:：]\\s*|\\s+", 2);
            return new ErrorCode(parts[0], parts.length > 1 ? parts[1] : "");
        }).toList();
    }

    public record ErrorCode(String code, String meaning) {
    }

    /** A service published with its docs, as the portal lists it. */
    public record Published(ServiceDefinition service, ServiceDoc doc) {
    }
}
