package org.medops.inspection.backups;

import java.util.List;

/**
 * What an archive holds, written last into it: the Flyway version its schema was at, every table (a partition with
 * its parent and bounds, so a day partition the migrations do not create is created again) with its columns, rows,
 * bytes and SHA-256 of its {@code COPY} text, and the sequences' values.
 */
record Manifest(int format, String schemaVersion, String takenAt, String serverVersion, List<Table> tables,
                List<Sequence> sequences) {

    static final int FORMAT = 1;

    Manifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    /** {@code types}: each column's type, to create a table no migration creates (an operator's own) again. */
    record Table(String name, String entry, List<String> columns, List<String> types, long rows, long bytes,
                 String sha256, String parent, String bound) {

        Table {
            columns = List.copyOf(columns);
            types = types == null ? List.of() : List.copyOf(types);
        }
    }

    record Sequence(String name, Long value) {
    }

    long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
