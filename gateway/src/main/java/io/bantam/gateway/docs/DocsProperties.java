package io.bantam.gateway.docs;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API documents the gateway offers: each service's own at {@code /v3/api-docs/{service}} and all of them
 * merged at {@code /v3/api-docs}, both shown by Swagger UI.
 *
 * @param services the services whose documents are offered, by the id of their route (whose URI is used)
 * @param timeout how long the merged document waits for one service's document; a service that has not answered
 *     by then is left out of it
 * @param cacheFor how long a merged document of every service is kept before the services are asked again
 * @param cacheIncompleteFor how long a merged document that lacks a service is kept
 */
@ConfigurationProperties("bantam.gateway.docs")
public record DocsProperties(
        @DefaultValue({"identity", "relationship", "booking", "task", "notes"}) List<String> services,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("30s") Duration cacheFor,
        @DefaultValue("5s") Duration cacheIncompleteFor) {
}
