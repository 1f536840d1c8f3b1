package org.medops.signature.verification;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.medops.shared.ProblemException;
import org.medops.shared.UploadedFileType;
import org.springframework.web.multipart.MultipartFile;

/** The uploaded PDF to verify: present, within the attachment limit, and a PDF by its content. */
final class Uploads {

    private Uploads() {
    }

    static byte[] pdf(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("signature-file-missing");
        }
        if (file.getSize() > UploadedFileType.MAX_BYTES) {
            throw ProblemException.invalid("signature-file-too-large", UploadedFileType.MAX_BYTES / (1024 * 1024));
        }
        try {
            byte[] bytes = file.getBytes();
            if (bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                throw ProblemException.invalid("signature-file-not-pdf");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "upload.pdf" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
