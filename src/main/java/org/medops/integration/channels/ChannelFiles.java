package org.medops.integration.channels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Channels as files, to keep in git and carry between environments: one document per file named after its code
 * ({@code adt-to-emr.json}, {@code lab.yaml}), all channels as a zip of such files. An import is all or nothing:
 * every file is checked and saved in one transaction, and a file equal to what is stored makes no new version.
 */
@Service
public class ChannelFiles {

    static final int MAX_FILES = 500;
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final ChannelDirectory directory;
    private final ChannelBook book;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChannelFiles(ChannelDirectory directory, ChannelBook book, ApplicationEventPublisher events, Clock clock) {
        this.directory = directory;
        this.book = book;
        this.events = events;
        this.clock = clock;
    }

    record ChannelFile(String name, String text) {
    }

    /** A file to download: the API and the console answer with the same response. */
    public record Download(String name, MediaType type, byte[] content) {

        public ResponseEntity<byte[]> response() {
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                            .build().toString())
                    .body(content);
        }
    }

    public record Imported(String file, String code, int version, Result result) {
    }

    public enum Result { CREATED, UPDATED, UNCHANGED }

    public Download export(String code) {
        StoredChannel channel = directory.get(code);
        events.publishEvent(new ChannelAction("integration.channel.export", code, List.of()));
        DocumentFormat format = DocumentFormat.of(channel.document());
        return new Download(format.fileName(code), format.mediaType(), channel.document().getBytes(StandardCharsets.UTF_8));
    }

    /** Every channel, one file each, as a zip. */
    public Download exportAll() {
        List<StoredChannel> all = directory.all();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (StoredChannel channel : all) {
                zip.putNextEntry(new ZipEntry(DocumentFormat.of(channel.document()).fileName(channel.code())));
                zip.write(channel.document().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a zip in memory failed", e);
        }
        events.publishEvent(new ChannelAction("integration.channel.export", "*",
                List.of(FieldChange.of("channels", null, all.size()))));
        return new Download("medops-channels-" + LocalDate.now(clock) + ".zip", MediaType.parseMediaType("application/zip"),
                bytes.toByteArray());
    }

    /** An uploaded zip of channel files, or one channel file (the upload limit is spring.servlet.multipart's). */
    @Transactional
    public List<Imported> importFile(MultipartFile upload, String actor) {
        try {
            return importFile(upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename(), upload.getBytes(),
                    actor);
        } catch (IOException e) {
            throw ProblemException.invalid("integration-channel-import-zip");
        }
    }

    /** A zip of channel files, or one channel file; nothing is saved unless every file is valid. */
    @Transactional
    public List<Imported> importFile(String fileName, byte[] content, String actor) {
        List<ChannelFile> files = fileName.toLowerCase(Locale.ROOT).endsWith(".zip") ? unzip(content)
                : List.of(new ChannelFile(baseName(fileName), text(fileName, content)));
        if (files.isEmpty()) {
            throw ProblemException.invalid("integration-channel-import-empty");
        }
        List<Imported> imported = new ArrayList<>();
        for (ChannelFile file : files) {
            imported.add(importOne(file, actor));
        }
        return imported;
    }

    private Imported importOne(ChannelFile file, String actor) {
        if (DocumentFormat.ofFileName(file.name()) == null) {
            throw ProblemException.invalid("integration-channel-import-name", file.name());
        }
        String code;
        try {
            ChannelDocument document = ChannelDirectory.parse(file.text());
            code = document.code() != null ? document.code() : stem(file.name());
            var stored = directory.find(code);
            if (stored.isPresent() && stored.get().document().equals(file.text())) {
                return new Imported(file.name(), code, stored.get().version(), Result.UNCHANGED);
            }
            ChannelBook.Saved saved = book.save(code, file.text(), actor);
            return new Imported(file.name(), code, saved.version(), saved.created() ? Result.CREATED : Result.UPDATED);
        } catch (ProblemException e) {
            throw inFile(file.name(), e);
        }
    }

    /** The same refusal, naming the file; nothing of the import is saved (the transaction rolls back). */
    private static ProblemException inFile(String file, ProblemException refused) {
        Object[] arguments = refused.arguments();
        return switch (refused.code()) {
            case "integration-channel-json" ->
                    ProblemException.invalid("integration-channel-import-unreadable", file, arguments[0]);
            case "integration-channel-port-taken" ->
                    ProblemException.invalid("integration-channel-import-port", file, arguments[0], arguments[1]);
            default -> new ProblemException(HttpStatus.BAD_REQUEST, "integration-channel-import-invalid",
                    refused.reasons().isEmpty() ? List.of(refused.code()) : refused.reasons(), file);
        };
    }

    private static List<ChannelFile> unzip(byte[] content) {
        List<ChannelFile> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = baseName(entry.getName());
                if (entry.isDirectory() || name.startsWith(".") || entry.getName().startsWith("__MACOSX")) {
                    continue;
                }
                if (files.size() == MAX_FILES) {
                    throw ProblemException.invalid("integration-channel-import-too-many", MAX_FILES);
                }
                files.add(new ChannelFile(name, text(name, read(zip, name))));
            }
        } catch (IOException e) {
            throw ProblemException.invalid("integration-channel-import-zip");
        }
        return files;
    }

    /** At most {@link #MAX_FILE_BYTES} per file, so that a zip bomb cannot fill the memory. */
    private static byte[] read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw ProblemException.invalid("integration-channel-import-too-large", name, MAX_FILE_BYTES / 1024);
        }
        return bytes;
    }

    private static String text(String name, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw ProblemException.invalid("integration-channel-import-too-large", name, MAX_FILE_BYTES / 1024);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark some editors write
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("integration-channel-import-encoding", name);
        }
    }

    private static String baseName(String path) {
        String name = path.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
