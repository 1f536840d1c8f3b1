package org.medops.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务配置 and 渠道管理: the console pages of the catalog. */
@Controller
class CatalogController {

    private final Catalog catalog;
    private final Validator validator;
    private final org.medops.shared.FieldMessages fieldMessages;

    CatalogController(Catalog catalog, Validator validator, org.medops.shared.FieldMessages fieldMessages) {
        this.fieldMessages = fieldMessages;
        this.catalog = catalog;
        this.validator = validator;
    }

    @GetMapping("/catalog/services")
    @CanReadServices
    String services(Model model) {
        model.addAttribute("services", catalog.services());
        return "catalog/services";
    }

    @GetMapping("/catalog/services/new")
    @CanManageServices
    String newService(Model model) {
        return serviceForm(model, ServiceForm.blank(), true);
    }

    @PostMapping("/catalog/services")
    @CanManageServices
    String createService(@ModelAttribute("form") ServiceForm form, Model model, RedirectAttributes redirect) {
        ServiceRequest request = form.toRequest();
        if (invalid(request, model)) {
            return serviceForm(model, form, true);
        }
        try {
            catalog.createService(request);
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return serviceForm(model, form, true);
        }
        redirect.addFlashAttribute("notice", "catalog.service.saved");
        return "redirect:/catalog/services/" + request.code();
    }

    @GetMapping("/catalog/services/{code}")
    @CanReadServices
    String service(@PathVariable String code, Model model) {
        return serviceForm(model, ServiceForm.of(catalog.service(code)), false);
    }

    /**
     * The service's portal docs (开放文档): typed in, or an OpenAPI file uploaded, which then replaces the
     * typed document. A document that does not parse is refused with the parser's first complaint.
     */
    @PostMapping("/catalog/services/{code}/docs")
    @CanManageServices
    String saveDocs(@PathVariable String code, @ModelAttribute ServiceDocRequest docs,
                    @RequestParam(required = false) org.springframework.web.multipart.MultipartFile openApiFile,
                    Authentication who, RedirectAttributes redirect) throws java.io.IOException {
        ServiceDocRequest request = openApiFile == null || openApiFile.isEmpty() ? docs
                : new ServiceDocRequest(docs.published(), docs.summary(), docs.requestExample(), docs.responseExample(),
                        new String(openApiFile.getBytes(), java.nio.charset.StandardCharsets.UTF_8), docs.errorCodes());
        Set<ConstraintViolation<ServiceDocRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", messages(violations));
            return "redirect:/catalog/services/" + code;
        }
        ConsoleActions.attempt(redirect, "catalog.docs.saved", () -> catalog.saveDoc(code, request, who.getName()));
        return "redirect:/catalog/services/" + code;
    }

    @PostMapping("/catalog/services/{code}")
    @CanManageServices
    String updateService(@PathVariable String code, @ModelAttribute("form") ServiceForm form, Model model,
                         RedirectAttributes redirect) {
        ServiceRequest request = form.toRequest();
        if (invalid(request, model)) {
            return serviceForm(model, form, false);
        }
        try {
            catalog.updateService(code, request);
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return serviceForm(model, form, false);
        }
        redirect.addFlashAttribute("notice", "catalog.service.saved");
        return "redirect:/catalog/services/" + code;
    }

    @GetMapping("/catalog/channels")
    @CanReadChannels
    String channels(Model model) {
        model.addAttribute("channels", catalog.channels());
        return "catalog/channels";
    }

    @GetMapping("/catalog/channels/new")
    @CanManageChannels
    String newChannel(Model model) {
        model.addAttribute("form", ChannelForm.blank());
        return "catalog/channel-new";
    }

    @PostMapping("/catalog/channels")
    @CanManageChannels
    String createChannel(@ModelAttribute("form") ChannelForm form, Model model, RedirectAttributes redirect) {
        ChannelRequest request = form.toRequest();
        if (invalid(request, model)) {
            return "catalog/channel-new";
        }
        try {
            Channel.Issued issued = catalog.createChannel(request);
            redirect.addFlashAttribute("issuedSecret", issued.clearSecret());
            redirect.addFlashAttribute("notice", "catalog.channel.created");
            return "redirect:/catalog/channels/" + request.code();
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return "catalog/channel-new";
        }
    }

    @GetMapping("/catalog/channels/{code}")
    @CanReadChannels
    String channel(@PathVariable String code, Model model) {
        Channel channel = catalog.channel(code);
        List<String> granted = catalog.grantsOf(code);
        model.addAttribute("channel", channel);
        model.addAttribute("form", ChannelForm.of(channel));
        model.addAttribute("grants", granted);
        java.util.Map<String, Long> quotas = new java.util.HashMap<>();
        catalog.grantDetailsOf(code).forEach(g -> quotas.put(g.serviceCode(), g.dailyQuota()));
        model.addAttribute("grantQuotas", quotas);
        model.addAttribute("grantable", catalog.services().stream().map(ServiceDefinition::code)
                .filter(service -> !granted.contains(service)).toList());
        return "catalog/channel";
    }

    @PostMapping("/catalog/channels/{code}")
    @CanManageChannels
    String updateChannel(@PathVariable String code, @ModelAttribute("form") ChannelForm form, Model model,
                         RedirectAttributes redirect) {
        ChannelRequest request = form.toRequest();
        Set<ConstraintViolation<ChannelRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", messages(violations));
            return "redirect:/catalog/channels/" + code;
        }
        ConsoleActions.attempt(redirect, "catalog.channel.saved", () -> catalog.updateChannel(code, request));
        return "redirect:/catalog/channels/" + code;
    }

    @PostMapping("/catalog/channels/{code}/rotate")
    @CanManageChannels
    String rotate(@PathVariable String code, @RequestParam(defaultValue = "60") int overlapMinutes,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "catalog.channel.rotated", () -> redirect.addFlashAttribute("issuedSecret",
                catalog.rotateSecret(code, Duration.ofMinutes(overlapMinutes))));
        return "redirect:/catalog/channels/" + code;
    }

    @PostMapping("/catalog/channels/{code}/revoke")
    @CanManageChannels
    String revoke(@PathVariable String code, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "catalog.channel.revoked", () -> catalog.revokeSecrets(code));
        return "redirect:/catalog/channels/" + code;
    }

    @PostMapping("/catalog/channels/{code}/grants")
    @CanManageChannels
    String grant(@PathVariable String code, @RequestParam String serviceCode, Authentication who,
                 RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "catalog.grant.saved",
                () -> catalog.grant(code, serviceCode, who.getName()));
        return "redirect:/catalog/channels/" + code;
    }

    @PostMapping("/catalog/channels/{code}/grants/{serviceCode}/revoke")
    @CanManageChannels
    String revokeGrant(@PathVariable String code, @PathVariable String serviceCode, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "catalog.grant.revoked", () -> catalog.revokeGrant(code, serviceCode));
        return "redirect:/catalog/channels/" + code;
    }

    private String serviceForm(Model model, ServiceForm form, boolean creating) {
        model.addAttribute("docs", creating ? null : catalog.docOf(form.code()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("systems", ServiceForm.SYSTEMS);
        model.addAttribute("methods", ServiceForm.METHODS);
        return "catalog/service";
    }

    private <T> boolean invalid(T request, Model model) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return false;
        }
        model.addAttribute("violations", messages(violations));
        return true;
    }

    private <T> List<String> messages(Set<ConstraintViolation<T>> violations) {
        return fieldMessages.of(violations);
    }
}
