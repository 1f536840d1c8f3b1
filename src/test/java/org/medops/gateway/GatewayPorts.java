package org.medops.gateway;

import org.springframework.context.ApplicationContext;

/** Lets tests of other modules find the port a context's gateway node listens on. */
public final class GatewayPorts {

    private GatewayPorts() {
    }

    public static int of(ApplicationContext context) {
        return context.getBean(GatewayServer.class).port();
    }
}
