package org.medops.dataaccess.classification;

import io.swagger.v3.oas.models.Operation;
import org.medops.dataaccess.DataRights;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Marks the operations that open content in the API document: their permission names the data right or refuses the
 * administrator duties ({@link DataRights}).
 */
@Component
class ContentOperations implements GlobalOperationCustomizer {

    static final String EXTENSION = "x-medops-data";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule != null && (rule.value().contains(DataRights.CONTENT_READ)
                || rule.value().contains(DataRights.NO_MANAGEMENT_RIGHT))) {
            operation.addExtension(EXTENSION, "content");
            String note = "Content that may identify patients: needs the data right (data:content:read) or a grant of "
                    + "the information security committee; administrators are refused.";
            operation.setDescription(operation.getDescription() == null ? note : operation.getDescription() + "\n\n" + note);
        }
        return operation;
    }
}
