package org.medops.inspection.history;

import java.util.List;
import java.util.Locale;

/**
 * What a check measures, told from its code whatever the exact spelling the runner chose ({@code PARTITION_USAGE},
 * {@code disk.usage}, {@code backup-freshness}): the report picks its suggested cause and action by it, the history
 * its trend. The first family whose words all occur in the code wins, so the more specific ones come first.
 */
public enum CheckFamily {
    INODE(List.of("INODE")),
    PARTITION(List.of("PARTITION"), List.of("DISK"), List.of("FILESYSTEM"), List.of("MOUNT"), List.of("DF")),
    BACKUP(List.of("BACKUP"), List.of("PGBACKREST"), List.of("BARMAN"), List.of("DUMP")),
    LOG_SIZE(List.of("LOG", "SIZE"), List.of("LOG", "DIR"), List.of("LOG", "VOLUME")),
    LOG_LINES(List.of("LOG")),
    REPLICATION(List.of("REPLICA"), List.of("STANDBY"), List.of("SYNC"), List.of("LAG")),
    TABLESPACE(List.of("TABLESPACE"), List.of("DATAFILE"), List.of("DATA", "FILE")),
    CONNECTIONS(List.of("CONNECTION"), List.of("SESSION")),
    LONG_TRANSACTIONS(List.of("LONG"), List.of("TRANSACTION"), List.of("LOCK")),
    BLOAT(List.of("BLOAT"), List.of("VACUUM")),
    QUEUE(List.of("QUEUE"), List.of("PENDING")),
    K8S_NODES(List.of("NODE")),
    K8S_DEPLOYMENTS(List.of("DEPLOYMENT"), List.of("REPLICAS"), List.of("STATEFULSET")),
    K8S_PODS(List.of("POD"), List.of("CRASH")),
    CERTIFICATE(List.of("CERT"), List.of("TLS"), List.of("SSL")),
    SERVICES(List.of("SERVICE"), List.of("SYSTEMD"), List.of("PROCESS"), List.of("UNIT")),
    DATABASE(List.of("DB"), List.of("DATABASE"), List.of("VERSION"), List.of("JDBC"), List.of("POSTGRES"),
            List.of("MYSQL")),
    HTTP(List.of("HTTP"), List.of("ENDPOINT"), List.of("URL"), List.of("PING"), List.of("REACH")),
    OTHER();

    private final List<List<String>> words;

    @SafeVarargs
    CheckFamily(List<String>... words) {
        this.words = List.of(words);
    }

    public static CheckFamily of(String checkCode) {
        String code = "_" + (checkCode == null ? "" : checkCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_"))
                + "_";
        for (CheckFamily family : values()) {
            for (List<String> all : family.words) {
                if (all.stream().allMatch(word -> contains(code, word))) {
                    return family;
                }
            }
        }
        return OTHER;
    }

    /** Short words ({@code DF}, {@code DB}, {@code LAG}) count only as a whole part of the code, long ones anywhere. */
    private static boolean contains(String code, String word) {
        return word.length() <= 3 ? code.contains("_" + word + "_") || code.contains("_" + word + "S_")
                : code.contains(word);
    }
}
