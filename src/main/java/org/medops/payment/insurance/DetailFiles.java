package org.medops.payment.insurance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.medops.shared.ProblemException;

/**
 * The platform's exchange files: a zip holding one text file, one record per line, fields separated by tabs in the
 * order the region's field set gives. Both the hospital's 3202 detail file and the centre's result file are these.
 */
final class DetailFiles {

    private DetailFiles() {
    }

    static byte[] write(String entryName, List<String> columns, List<Map<String, String>> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(entryName));
            StringBuilder text = new StringBuilder();
            for (Map<String, String> record : records) {
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    text.append(record.getOrDefault(columns.get(i), ""));
                }
                text.append('\n');
            }
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The records of the zip's first text file, each as column → value in the given field set. */
    static List<Map<String, String>> read(byte[] zipped, List<String> columns) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                throw ProblemException.invalid("ins-file-empty");
            }
            String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            List<Map<String, String>> records = new ArrayList<>();
            int number = 0;
            for (String line : text.split("\n")) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] values = line.replace("\r", "").split("\t", -1);
                if (values.length != columns.size()) {
                    throw ProblemException.invalid("ins-file-columns", String.valueOf(number),
                            String.valueOf(columns.size()), String.valueOf(values.length));
                }
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    record.put(columns.get(i), values[i]);
                }
                records.add(record);
            }
            return records;
        } catch (java.util.zip.ZipException e) {
            throw ProblemException.invalid("ins-file-empty");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
