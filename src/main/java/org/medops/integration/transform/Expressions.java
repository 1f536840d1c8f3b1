package org.medops.integration.transform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.dashjoin.jsonata.Jsonata;

/**
 * Compiled JSONata expressions, by their text. Evaluation is serialised per expression: the library keeps
 * per-evaluation state on the instance, and evaluating one expression takes microseconds.
 */
final class Expressions {

    private static final int LIMIT = 2_000;
    private final Map<String, Jsonata> compiled = new ConcurrentHashMap<>();

    Object evaluate(String expression, Object input, Map<String, Object> bindings) {
        if (compiled.size() > LIMIT) {
            compiled.clear();
        }
        Jsonata jsonata = compiled.computeIfAbsent(expression, Jsonata::jsonata);
        synchronized (jsonata) {
            Jsonata.Frame frame = jsonata.createFrame();
            bindings.forEach(frame::bind);
            return jsonata.evaluate(input, frame);
        }
    }
}
