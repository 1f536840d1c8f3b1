package org.medops.integration.pages;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.integration.transform.TransformerTest;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 转换测试: paste a sample, pick a channel or edit its document, see every stage and step; nothing is stored. */
@Controller
@RequestMapping("/integration/test")
class IntegrationTestController {

    private final ChannelDirectory channels;
    private final TransformerTest test;

    IntegrationTestController(ChannelDirectory channels, TransformerTest test) {
        this.channels = channels;
        this.test = test;
    }

    @GetMapping
    @CanReadIntegration
    String form(@RequestParam(required = false) String channel, Model model) {
        form(model, channel, channel == null ? "" : channels.find(channel).map(c -> c.document()).orElse(""), "");
        return "integration/test";
    }

    @PostMapping
    @CanReadIntegration
    String run(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String document,
               @RequestParam(defaultValue = "") String sample, Model model) {
        form(model, channel, document, sample);
        try {
            model.addAttribute("trial", TrialView.of(test.run(document, channel, sample)));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
        }
        return "integration/test";
    }

    private void form(Model model, String channel, String document, String sample) {
        model.addAttribute("channels", channels.all());
        model.addAttribute("channel", channel);
        model.addAttribute("document", document);
        model.addAttribute("sample", sample);
    }
}
