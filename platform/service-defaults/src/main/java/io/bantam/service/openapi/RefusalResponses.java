package io.bantam.service.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Adds the {@link Refuses} answers of a handler method and its controller to the method's operation. */
class RefusalResponses implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<Refuses> refusals = new ArrayList<>(
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getBeanType(), Refuses.class));
        refusals.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), Refuses.class));
        if (refusals.isEmpty()) {
            return operation;
        }
        Map<String, List<String>> byStatus = new LinkedHashMap<>();
        refusals.forEach(refusal -> byStatus.computeIfAbsent(Integer.toString(refusal.status()), status -> new ArrayList<>())
                .add("`" + refusal.code() + "` when " + refusal.when()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        byStatus.forEach((status, reasons) -> responses.addApiResponse(status,
                new ApiResponse().description("Refused: " + String.join("; ", reasons) + ".")));
        operation.setResponses(responses);
        return operation;
    }
}
