package io.bantam.gateway.webui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web UI's history fallback: every client route (a deep link such as {@code /clients/{id}}) answers
 * index.html, and the browser router draws the page. Router functions are asked before the gateway's routes
 * (RouterFunctionMapping has order -1, the gateway's RoutePredicateHandlerMapping 1), so the predicate
 * ({@link WebUi#isClientRoute}) leaves every API path alone. The files themselves ({@code /assets/...},
 * {@code /favicon.svg}) are Spring Boot's static resources from {@code classpath:/static/}; their Cache-Control and
 * Content-Security-Policy are set by the edge's SecurityHeadersFilter with every other answer's.
 */
@Configuration(proxyBeanMethods = false)
class WebUiConfiguration {

    @Bean
    RouterFunction<ServerResponse> webUiHistoryFallback() {
        Resource index = new ClassPathResource("static/index.html");
        return RouterFunctions.route(WebUi::isClientRoute, request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .body(BodyInserters.fromResource(index)));
    }
}
