package org.medops.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types people may attach (fault reports, access applications): screenshots, PDFs, logs and
 * zipped logs. The type is read from the content, and the file name's extension has to agree, so a
 * renamed executable is refused.
 */
public enum UploadedFileType {
    PNG("image/png", Set.of("png")),
    JPEG("image/jpeg", Set.of("jpg", "jpeg")),
    GIF("image/gif", Set.of("gif")),
    PDF("application/pdf", Set.of("pdf")),
    ZIP("application/zip", Set.of("zip")),
    TEXT("text/plain; charset=UTF-8", Set.of("txt", "log", "csv", "json", "xml"));

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final String contentType;
    private final Set<String> extensions;

    UploadedFileType(String contentType, Set<String> extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<UploadedFileType> detect(String filename, byte[] content) {
        String extension = filename == null || !filename.contains(".") ? ""
                : filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        UploadedFileType byContent = byContent(content);
        return byContent != null && byContent.extensions.contains(extension) ? Optional.of(byContent) : Optional.empty();
    }

    private static UploadedFileType byContent(byte[] c) {
        if (starts(c, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(c, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (starts(c, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (starts(c, 'P', 'K', 3, 4)) {
            return ZIP;
        }
        return isUtf8Text(c) ? TEXT : null;
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return content.length > 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A name safe to store and to send back in a download header: no path separators or control characters,
     * at most 200 characters, the extension kept when shortened (it decides the accepted type).
     */
    public static String safeName(String filename) {
        String cleaned = filename == null ? "" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return cleaned.length() <= 200 ? cleaned : cleaned.substring(0, 180) + cleaned.substring(cleaned.length() - 20);
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(extensions.toArray());
    }
}
