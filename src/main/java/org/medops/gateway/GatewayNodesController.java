package org.medops.gateway;

import org.medops.catalog.Catalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 网关节点: every node, its heartbeat and the configuration version it serves. */
@Controller
class GatewayNodesController {

    private final GatewayNodes nodes;
    private final Catalog catalog;

    GatewayNodesController(GatewayNodes nodes, Catalog catalog) {
        this.nodes = nodes;
        this.catalog = catalog;
    }

    @GetMapping("/gateway/nodes")
    @CanReadGatewayNodes
    String page(Model model) {
        nodes.forgetStale();
        model.addAttribute("nodes", nodes.all());
        model.addAttribute("currentVersion", catalog.currentVersion());
        return "gateway/nodes";
    }
}
