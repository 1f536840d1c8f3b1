package org.medops.records.projects;

import java.time.LocalDate;
import java.util.List;

/**
 * Completing a milestone on a day, with its document ({@code content} in Base64) and, for the test report, the core
 * scenarios the hospital signs off as covered.
 */
record CompleteRequest(LocalDate on, DocumentUpload document, List<String> covered) {

    record DocumentUpload(String fileName, String content) {
    }
}
