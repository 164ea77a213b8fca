package io.bantam.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import io.bantam.service.problem.ApiException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The API documents at the gateway, all public:
 * <ul>
 * <li>{@code /v3/api-docs/{service}}: a route per service to its own {@code /v3/api-docs}, at the URI of the
 * service's API route (so there is one place that says where a service is), with a circuit breaker of its own
 * (a service that is down is a 503 problem, as on its API route);</li>
 * <li>{@code /v3/api-docs}: every service's document merged into one ({@link MergedApiDocument}). A router
 * function, which is asked before annotated controllers: springdoc's own {@code /v3/api-docs} of the gateway
 * (needed by its Swagger UI support) is never reached, so the gateway's own endpoints (actuator, fallback) are
 * never documented;</li>
 * <li>Swagger UI at {@code /swagger-ui.html} (springdoc), listing the merged document and each service's
 * ({@code springdoc.swagger-ui.urls} in application.yml).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocsProperties.class)
class DocsConfiguration {

    static final String PATH = "/v3/api-docs";

    /** Where each service of {@link DocsProperties#services()} is: the URI of its API route. */
    @Bean
    ServiceLocations serviceLocations(DocsProperties docs, GatewayProperties gateway) {
        Map<String, URI> locations = new LinkedHashMap<>();
        for (String service : docs.services()) {
            URI uri = gateway.getRoutes().stream().filter(route -> route.getId().equals(service))
                    .map(RouteDefinition::getUri).findFirst()
                    .orElseThrow(() -> new IllegalStateException("bantam.gateway.docs.services names " + service
                            + ", but no route has that id"));
            locations.put(service, uri);
        }
        return new ServiceLocations(locations);
    }

    @Bean
    RouteLocator serviceDocumentRoutes(RouteLocatorBuilder routes, ServiceLocations services) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        services.locations().forEach((service, uri) -> builder.route("docs-" + service, route -> route
                .path(PATH + "/" + service)
                .filters(filters -> filters.rewritePath(PATH + "/" + service, PATH)
                        .circuitBreaker(breaker -> breaker.setName("docs-" + service)
                                .setFallbackUri("forward:/gateway/unavailable")))
                .uri(uri)));
        return builder.build();
    }

    @Bean
    MergedApiDocument mergedApiDocument(DocsProperties docs, ServiceLocations services,
            ObjectProvider<WebClient.Builder> webClients) {
        return new MergedApiDocument(docs, services, webClients.getIfAvailable(WebClient::builder));
    }

    @Bean
    RouterFunction<ServerResponse> mergedApiDocumentRoute(MergedApiDocument merged) {
        return RouterFunctions
                .route(GET(PATH), request -> merged.json().flatMap(json ->
                        ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json)))
                .andRoute(GET(PATH + ".yaml"), request -> Mono.error(ApiException.notFound(
                        "The API document is offered as JSON only, at " + PATH + ".")));
    }

    /** The services whose documents are offered, in order, and where each is. */
    record ServiceLocations(Map<String, URI> locations) {
    }
}
