package org.medops.catalog;

import jakarta.validation.constraints.Size;

/** The docs of a service as the console and the API submit them. */
public record ServiceDocRequest(boolean published, @Size(max = 2000) String summary,
                                @Size(max = 65536) String requestExample, @Size(max = 65536) String responseExample,
                                @Size(max = 1048576) String openApi, @Size(max = 16384) String errorCodes) {
}
