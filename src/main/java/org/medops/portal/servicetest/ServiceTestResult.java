package org.medops.portal.servicetest;

import java.util.List;

/** What came back, and the stringToSign the server signed (never the secret). */
record ServiceTestResult(long id, int status, List<String> headers, String body, double latencyMillis,
                         String stringToSign, String requestId, String error) {
}
