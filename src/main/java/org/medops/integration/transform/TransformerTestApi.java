package org.medops.integration.transform;

import org.medops.integration.permissions.CanReadIntegration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/integration/channels/test}: {@code {"document": {…}, "message": "MSH|…"}} or
 * {@code {"code": "…", "message": …}} → the JSON form, each stage's filter verdict, step outputs and result.
 * Only {@code integration:read}: nothing is stored or sent, and the sample is the caller's own input.
 */
@RestController
@RequestMapping("/api/v1/integration/channels/test")
class TransformerTestApi {

    private final TransformerTest test;

    TransformerTestApi(TransformerTest test) {
        this.test = test;
    }

    @PostMapping
    @CanReadIntegration
    Trial test(@RequestBody Sample sample) {
        return test.run(sample.document() == null || sample.document().isNull() ? null : sample.document().toString(),
                sample.code(), sample.message());
    }

    record Sample(JsonNode document, String code, String message) {
    }
}
