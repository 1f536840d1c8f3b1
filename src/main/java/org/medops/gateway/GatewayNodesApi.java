package org.medops.gateway;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GatewayNodesApi {

    private final GatewayNodes nodes;

    GatewayNodesApi(GatewayNodes nodes) {
        this.nodes = nodes;
    }

    @GetMapping("/api/v1/gateway/nodes")
    @CanReadGatewayNodes
    List<GatewayNodes.NodeStatus> nodes() {
        return nodes.all();
    }
}
