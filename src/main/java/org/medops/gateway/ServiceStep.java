package org.medops.gateway;

import io.vertx.core.Future;
import org.medops.catalog.ServiceDefinition;

/** Step 2: the service named by the first path segment exists, is online and accepts the method. */
final class ServiceStep implements GatewayStep {

    @Override
    public Future<Void> apply(Exchange exchange) {
        String code = serviceCode(exchange.path);
        ServiceRuntime service = code == null ? null : exchange.table.service(code);
        if (service == null) {
            return GatewayStep.reject(GatewayError.SERVICE_NOT_FOUND);
        }
        exchange.serviceCode = code;
        exchange.service = service;
        ServiceDefinition definition = service.definition();
        if (!definition.online()) {
            return GatewayStep.reject(GatewayError.SERVICE_OFFLINE);
        }
        if (!definition.allows(exchange.method)) {
            return GatewayStep.reject(GatewayError.METHOD_NOT_ALLOWED);
        }
        return PASS;
    }

    static String serviceCode(String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return null;
        }
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path.substring(1) : path.substring(1, slash);
    }
}
