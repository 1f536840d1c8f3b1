package org.medops.records.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.medops.identity.People;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.SystemNames;
import org.medops.shared.ListExport;
import org.medops.shared.ListRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The handover package (移交包): every archived document dated in the period, its current version as a file under a
 * folder per type, and index.xlsx in Chinese listing each file with type, system, date, version, signer and SHA-256.
 * Files go into the zip one at a time straight from the database, so a package never sits in memory; each file's
 * SHA-256 is computed while it is written and the index says whether it matches the archived one.
 */
@Component
class Handover {

    static final String INDEX = "index.xlsx";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Documents documents;
    private final MessageSource messages;
    private final SystemNames systems;
    private final HospitalZone zone;
    private final People people;
    private final Clock clock;

    Handover(Documents documents, MessageSource messages, SystemNames systems, HospitalZone zone, People people,
             Clock clock) {
        this.people = people;
        this.documents = documents;
        this.messages = messages;
        this.systems = systems;
        this.zone = zone;
        this.clock = clock;
    }

    /** What goes into the package, read before streaming starts (metadata only). */
    List<Documents.Row> contents(HandoverPeriod period) {
        Documents.Filter filter = new Documents.Filter(null, null, period.from(), period.to(), null);
        List<Documents.Row> rows = documents.rows(filter, new ListRequest.Sort("datedOn", true), 0,
                ListExport.MAX_ROWS + 1);
        ListExport.checkSize(rows.size());
        return rows;
    }

    /** One file of the package, as the index lists it. */
    record Entry(String path, Documents.Row row, String sha256, boolean matches) {
    }

    void write(HandoverPeriod period, List<Documents.Row> rows, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (Documents.Row row : rows) {
            byte[] content = documents.content(row.id(), row.version()).orElse(new byte[0]);
            String path = "文档/" + type(row.type()) + "/" + String.format("%05d", row.id()) + "-v" + row.version() + "-"
                    + row.fileName();
            zip.putNextEntry(new ZipEntry(path));
            MessageDigest digest = sha256();
            try (DigestOutputStream hashing = new DigestOutputStream(new NonClosing(zip), digest)) {
                hashing.write(content);
            }
            zip.closeEntry();
            String hash = HexFormat.of().formatHex(digest.digest());
            entries.add(new Entry(path, row, hash, hash.equals(row.sha256())));
        }
        zip.putNextEntry(new ZipEntry(INDEX));
        zip.write(index(period, entries));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private byte[] index(HandoverPeriod period, List<Entry> entries) throws IOException {
        ZoneId z = zone.get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(bytes, "MedOps", "1.0");
        Worksheet sheet = workbook.newWorksheet(t("records.handover.index.sheet"));
        String[] headers = {"records.handover.index.no", "records.handover.index.file", "records.handover.index.type",
                "records.handover.index.title", "records.handover.index.system", "records.handover.index.date",
                "records.handover.index.version", "records.handover.index.author", "records.handover.index.signer",
                "records.handover.index.signedAt", "records.handover.index.size", "records.handover.index.sha256",
                "records.handover.index.check"};
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, t(headers[c]));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (Entry e : entries) {
            Documents.Row row = e.row();
            sheet.value(r, 0, r);
            sheet.value(r, 1, e.path());
            sheet.value(r, 2, type(row.type()));
            sheet.value(r, 3, row.title());
            sheet.value(r, 4, row.system() == null ? "—" : systems.name(row.system()));
            sheet.value(r, 5, row.datedOn().toString());
            sheet.value(r, 6, row.label() == null ? "v" + row.version() : row.label() + "（v" + row.version() + "）");
            sheet.value(r, 7, row.author() == null ? people.name(row.addedBy()) : row.author());
            sheet.value(r, 8, row.signedBy() == null ? t("records.handover.index.unsigned") : row.signedBy());
            if (row.signedAt() != null) {
                sheet.value(r, 9, LocalDateTime.ofInstant(row.signedAt(), z));
                sheet.style(r, 9).format("yyyy-mm-dd hh:mm").set();
            }
            sheet.value(r, 10, row.sizeBytes());
            sheet.value(r, 11, e.sha256());
            sheet.value(r, 12, t(e.matches() ? "records.handover.index.match" : "records.handover.index.mismatch"));
            r++;
        }
        sheet.width(1, 60);
        sheet.width(3, 36);
        sheet.width(11, 70);
        Worksheet about = workbook.newWorksheet(t("records.handover.index.about"));
        about.value(0, 0, t("records.handover.index.package"));
        about.value(0, 1, t("records.handover.preset." + period.preset()));
        about.value(1, 0, t("records.handover.index.period"));
        about.value(1, 1, period.from() + " — " + period.to());
        about.value(2, 0, t("records.handover.index.count"));
        about.value(2, 1, entries.size());
        about.value(3, 0, t("records.handover.index.generated"));
        about.value(3, 1, LocalDateTime.ofInstant(clock.instant(), z));
        about.style(3, 1).format("yyyy-mm-dd hh:mm").set();
        about.value(4, 0, t("records.handover.index.note"));
        about.width(0, 16);
        about.width(1, 40);
        workbook.finish();
        return bytes.toByteArray();
    }

    private String type(String code) {
        return messages.getMessage("records.document.type." + code, null, code, CHINESE);
    }

    private String t(String key) {
        return messages.getMessage(key, null, key, CHINESE);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a per-file stream be closed without closing the zip around it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
