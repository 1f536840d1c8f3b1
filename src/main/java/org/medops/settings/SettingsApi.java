package org.medops.settings;

import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settings")
class SettingsApi {

    private final Settings settings;

    SettingsApi(Settings settings) {
        this.settings = settings;
    }

    @GetMapping
    @CanReadSettings
    PlatformSettings get() {
        return settings.current();
    }

    @PutMapping
    @CanChangeSettings
    PlatformSettings update(@Valid @RequestBody PlatformSettings changed, Authentication who) {
        return settings.update(changed, who.getName());
    }
}
