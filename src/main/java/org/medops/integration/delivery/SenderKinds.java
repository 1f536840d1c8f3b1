package org.medops.integration.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.Outgoing;
import org.springframework.stereotype.Component;

/** Every destination type a node can send to; other sub-packages add theirs as {@link Sender.Kind} beans. */
@Component
class SenderKinds {

    private final Map<String, Sender.Kind> kinds;

    SenderKinds(List<Sender.Kind> kinds) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(Sender.Kind::type, Function.identity()));
    }

    /** The senders of one worker: one per destination type, opened when first used (the type may change on update). */
    Sender forWorker() {
        return new Routing(kinds);
    }

    private static final class Routing implements Sender {

        private final Map<String, Sender.Kind> kinds;
        private final Map<String, Sender> open = new ConcurrentHashMap<>();

        Routing(Map<String, Sender.Kind> kinds) {
            this.kinds = kinds;
        }

        @Override
        public Result send(ChannelDocument.Destination destination, Outgoing message) throws InterruptedException {
            Sender.Kind kind = kinds.get(destination.type());
            if (kind == null) {
                return Result.failed(null, "no sender for destination type " + destination.type() + " on this node");
            }
            return open.computeIfAbsent(kind.type(), t -> kind.open()).send(destination, message);
        }

        @Override
        public void close() {
            open.values().forEach(Sender::close);
            open.clear();
        }
    }
}
