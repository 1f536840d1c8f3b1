package org.medops.inspection.backups;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in backup format: a zip holding each table's {@code COPY … TO STDOUT} text ({@code data/<table>.copy})
 * and, last, {@code manifest.json}. Written from a connection whose transaction is the snapshot; read back into a
 * database whose schema Flyway has brought to the manifest's version.
 */
final class Archive {

    static final String MANIFEST = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Archive() {
    }

    /** Writes every table as the connection's transaction sees it; the caller opened it REPEATABLE READ. */
    static Manifest write(Connection snapshot, OutputStream target, Instant at) throws IOException, SQLException {
        SchemaCatalog catalog = SchemaCatalog.on(snapshot);
        CopyManager copy = snapshot.unwrap(PGConnection.class).getCopyAPI();
        String version = catalog.schemaVersion().orElse("");
        List<Manifest.Table> tables = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(target);
        zip.setLevel(1);
        for (SchemaCatalog.TableInfo table : catalog.tables()) {
            List<SchemaCatalog.Column> described = catalog.columns(table.name());
            List<String> columns = described.stream().map(SchemaCatalog.Column::name).toList();
            String entry = "data/" + table.name() + ".copy";
            zip.putNextEntry(new ZipEntry(entry));
            Tally tally = new Tally(zip);
            long rows = copy.copyOut("COPY " + SchemaCatalog.quote(table.name()) + " " + SchemaCatalog.columnList(columns)
                    + " TO STDOUT", tally);
            zip.closeEntry();
            tables.add(new Manifest.Table(table.name(), entry, columns,
                    described.stream().map(SchemaCatalog.Column::type).toList(), rows, tally.bytes, tally.hex(),
                    table.parent(), table.bound()));
        }
        // A sequence never used stays as the migrations leave it; only used ones are carried.
        List<Manifest.Sequence> sequences = catalog.sequences().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> new Manifest.Sequence(e.getKey(), e.getValue())).toList();
        Manifest manifest = new Manifest(Manifest.FORMAT, version, at.toString(), catalog.serverVersion(), tables,
                sequences);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        return manifest;
    }

    /** Opens an archive and reads its manifest; a truncated or foreign file is refused with why. */
    static ZipFile open(Path file) throws ArchiveDamaged {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ArchiveDamaged("archive-unreadable", file.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ArchiveDamaged("file-unreadable", file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static Manifest manifest(ZipFile zip) throws ArchiveDamaged {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new ArchiveDamaged("manifest-missing", null);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Manifest manifest = JSON.readValue(in, Manifest.class);
            if (manifest.format() != Manifest.FORMAT || manifest.tables() == null) {
                throw new ArchiveDamaged("manifest-invalid", "format " + manifest.format());
            }
            return manifest;
        } catch (IOException | JacksonException e) {
            throw new ArchiveDamaged("manifest-invalid", e.getMessage(), e);
        }
    }

    /** Reads every part once and compares it with the manifest's SHA-256, before anything is loaded anywhere. */
    static void verify(ZipFile zip, Manifest manifest) throws ArchiveDamaged {
        byte[] buffer = new byte[64 * 1024];
        for (Manifest.Table table : manifest.tables()) {
            ZipEntry entry = zip.getEntry(table.entry());
            if (entry == null) {
                throw new ArchiveDamaged("entry-missing", table.name());
            }
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                while (in.read(buffer) >= 0) {
                    // the digest reads along
                }
            } catch (IOException e) {
                throw new ArchiveDamaged("checksum-mismatch", table.name() + ": " + e.getMessage(), e);
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                throw new ArchiveDamaged("checksum-mismatch", table.name());
            }
        }
    }

    /**
     * Loads a verified archive into the connection's database in one transaction: missing partitions created from
     * their bounds, every table emptied and filled with {@code COPY … FROM STDIN}, sequences set, then committed.
     * The schema must be at the manifest's version. Returns the rows loaded per table.
     */
    static Map<String, Long> load(ZipFile zip, Manifest manifest, Connection target)
            throws ArchiveDamaged, SQLException, IOException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            SchemaCatalog catalog = SchemaCatalog.on(target);
            CopyManager copy = target.unwrap(PGConnection.class).getCopyAPI();
            catalog.quietTriggers();
            Set<String> existing = catalog.tables().stream().map(SchemaCatalog.TableInfo::name).collect(Collectors.toSet());
            for (Manifest.Table table : manifest.tables()) {
                if (existing.contains(table.name())) {
                    continue;
                }
                if (table.parent() != null && table.bound() != null) {
                    catalog.createPartition(table.name(), table.parent(), table.bound());
                } else if (table.types().size() == table.columns().size() && !table.columns().isEmpty()) {
                    catalog.createTable(table.name(), table.columns(), table.types());
                } else {
                    throw new ArchiveDamaged("table-missing", table.name());
                }
            }
            catalog.truncate(manifest.tables().stream().map(Manifest.Table::name).toList());
            Map<String, Long> loaded = new java.util.LinkedHashMap<>();
            for (Manifest.Table table : manifest.tables()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
                    long rows = copy.copyIn("COPY " + SchemaCatalog.quote(table.name()) + " "
                            + SchemaCatalog.columnList(table.columns()) + " FROM STDIN", in);
                    if (rows != table.rows()) {
                        throw new ArchiveDamaged("rows-mismatch", table.name() + ": " + rows + " ≠ " + table.rows());
                    }
                    loaded.put(table.name(), rows);
                }
            }
            for (Manifest.Sequence sequence : manifest.sequences()) {
                if (sequence.value() != null) {
                    catalog.setSequence(sequence.name(), sequence.value());
                }
            }
            target.commit();
            return loaded;
        } catch (ArchiveDamaged | SQLException | IOException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts and digests what passes to the zip entry; never closes it ({@code COPY} would end the whole zip). */
    static final class Tally extends FilterOutputStream {
        private final MessageDigest digest = sha256();
        long bytes;

        Tally(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
