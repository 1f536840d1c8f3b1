package org.medops.integration.devices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads each device channel's new messages from the store (after its {@code indexed_through}) and records their
 * search-key values, so that a search by sample number or barcode is an index lookup. The keys and the mark move
 * in one transaction; a mark reset meanwhile (the keys changed) makes the batch count for nothing.
 */
@Component
class DeviceKeyIndexer {

    private static final Logger log = LoggerFactory.getLogger(DeviceKeyIndexer.class);
    static final int BATCH = 500;

    private final DeviceKeyIndex index;
    private final DeviceInterfaceStore devices;
    private final DeviceMessages messages;
    private final TransactionTemplate transactions;

    DeviceKeyIndexer(DeviceKeyIndex index, DeviceInterfaceStore devices, DeviceMessages messages,
                     TransactionTemplate transactions) {
        this.index = index;
        this.devices = devices;
        this.messages = messages;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${medops.integration.devices.key-index:2s}", initialDelay = 4000)
    void run() {
        try {
            index();
        } catch (RuntimeException e) {
            log.warn("Device key index: {}", e.toString());
        }
    }

    /** Indexes what is new on every device channel, a few batches each; answers how many messages it read. */
    int index() {
        int read = 0;
        for (DeviceKeyIndex.Mark mark : index.marks()) {
            for (int round = 0; round < 10; round++) {
                int batch = batch(mark.channel());
                read += batch;
                if (batch < BATCH) {
                    break;
                }
            }
        }
        return read;
    }

    private int batch(String channel) {
        Integer read = transactions.execute(status -> {
            DeviceInterface device = devices.find(channel).orElse(null);
            if (device == null) {
                return 0;
            }
            long from = index.mark(channel);
            List<DeviceKeyIndex.Unindexed> batch = index.after(channel, from, BATCH);
            if (batch.isEmpty()) {
                return 0;
            }
            DeviceMessages.Source source = messages.source(channel);
            List<DeviceKeyIndex.Key> keys = new ArrayList<>();
            for (DeviceKeyIndex.Unindexed m : batch) {
                Map<String, String> found = DeviceMessages.keysIfParsed(device, source, m.raw());
                if (found == null) {
                    keys.add(new DeviceKeyIndex.Key(channel, DeviceKeyIndex.UNPARSED, m.id(), m.receivedDay(),
                            m.receivedAt()));
                    continue;
                }
                Set<String> values = new LinkedHashSet<>(found.values());
                for (String value : values) {
                    if (value != null && !value.isBlank() && value.length() <= 200) {
                        keys.add(new DeviceKeyIndex.Key(channel, value.strip(), m.id(), m.receivedDay(), m.receivedAt()));
                    }
                }
            }
            index.add(keys);
            if (!index.advance(channel, from, batch.get(batch.size() - 1).id())) {
                status.setRollbackOnly();
                return 0;
            }
            return batch.size();
        });
        return read == null ? 0 : read;
    }
}
