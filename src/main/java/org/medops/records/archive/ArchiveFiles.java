package org.medops.records.archive;

import java.util.Locale;
import java.util.Map;

import org.medops.shared.ProblemException;
import org.medops.shared.UploadedFileType;

/**
 * The files the archive takes: PDF, Word, Excel, text, images and zips (the hospital files Word and Excel as
 * delivered). The extension names the type and the first bytes must agree, so a renamed executable is refused.
 * Office files since 2007 are zips, the older ones OLE compound files.
 */
public final class ArchiveFiles {

    /** What one upload may hold; the servlet's multipart limit stops larger bodies earlier. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("zip", "application/zip"),
            Map.entry("txt", "text/plain; charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("csv", "text/csv; charset=UTF-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"));

    private ArchiveFiles() {
    }

    /** The content type of an accepted file; a 400 {@code archive-file-type} for anything else. */
    public static String contentType(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("archive-file-empty");
        }
        if (content.length > MAX_BYTES) {
            throw ProblemException.invalid("archive-file-too-large", MAX_BYTES / 1024 / 1024);
        }
        String name = fileName == null ? "" : fileName;
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(extension);
        boolean agrees = switch (extension) {
            case "docx", "xlsx", "pptx", "zip" -> starts(content, ZIP);
            case "doc", "xls" -> starts(content, OLE);
            case "pdf" -> starts(content, PDF);
            case "", "exe" -> false;
            default -> type != null && UploadedFileType.detect(name, content).isPresent();
        };
        if (type == null || !agrees) {
            throw ProblemException.invalid("archive-file-type", UploadedFileType.safeName(name));
        }
        return type;
    }

    /** A file name safe to store, send back in a header and put in a zip. */
    public static String safeName(String fileName) {
        String cleaned = UploadedFileType.safeName(fileName);
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            throw ProblemException.invalid("archive-file-name");
        }
        return cleaned;
    }

    private static boolean starts(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
