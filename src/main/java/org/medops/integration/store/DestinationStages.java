package org.medops.integration.store;

import java.util.List;

import org.medops.integration.transform.Processed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What destinations with a stage of their own made of a message that was queued again (reprocessed): their
 * transformed content, and for those whose filter said no, status FILTERED and no queue entry. Runs in the
 * caller's transaction, right after {@link DeliveryQueue#requeue}.
 */
@Repository
public class DestinationStages {

    private final JdbcClient jdbc;

    DestinationStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void restage(MessageId message, List<String> destinations, Processed processed) {
        for (String destination : destinations) {
            Processed.Route route = processed.route(destination);
            jdbc.sql("""
                            update integration_deliveries set transformed = :transformed,
                                status = case when :filtered then 'FILTERED' else status end
                            where message_id = :id and received_day = :day and destination = :destination""")
                    .param("transformed", route.transformed()).param("filtered", route.filtered())
                    .param("id", message.id()).param("day", message.receivedDay()).param("destination", destination)
                    .update();
            if (route.filtered()) {
                jdbc.sql("""
                                delete from integration_queue
                                where message_id = :id and received_day = :day and destination = :destination""")
                        .param("id", message.id()).param("day", message.receivedDay()).param("destination", destination)
                        .update();
            }
        }
    }
}
