package org.medops.traffic;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 运营监控中心: the page, and the panel that htmx reloads every five seconds. */
@Controller
class MonitorController {

    private final ServiceMonitor monitor;

    MonitorController(ServiceMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/traffic/monitor")
    @CanReadTraffic
    String page(Model model) {
        model.addAttribute("view", monitor.view());
        return "traffic/monitor";
    }

    @GetMapping("/traffic/monitor/panel")
    @CanReadTraffic
    String panel(Model model) {
        model.addAttribute("view", monitor.view());
        return "traffic/monitor :: panel";
    }
}
