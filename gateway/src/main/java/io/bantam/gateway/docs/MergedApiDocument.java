package io.bantam.gateway.docs;

import io.bantam.gateway.docs.ApiDocumentMerger.ServiceDocument;
import io.bantam.gateway.docs.DocsConfiguration.ServiceLocations;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service's API document merged into one, fetched from the services with a timeout each and kept for a
 * while. A service that does not answer in time, answers an error or something that is not an OpenAPI document
 * is left out, and the document says so; the rest is still served. Concurrent callers share one fetch.
 */
class MergedApiDocument {

    private static final Logger log = LoggerFactory.getLogger(MergedApiDocument.class);
    private static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private final Map<String, URI> services;
    private final Duration timeout;
    private final WebClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Mono<Merged> cached;

    MergedApiDocument(DocsProperties docs, ServiceLocations locations, WebClient.Builder webClients) {
        this.services = locations.locations();
        this.timeout = docs.timeout();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(Math.min(timeout.toMillis(), 1000)))
                .responseTimeout(timeout);
        this.client = webClients.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_DOCUMENT_BYTES))
                .build();
        this.cached = Mono.defer(this::fetchAndMerge).cache(
                merged -> merged.complete() ? docs.cacheFor() : docs.cacheIncompleteFor(),
                failure -> Duration.ZERO,
                () -> Duration.ZERO);
    }

    /** The merged document as JSON. */
    Mono<String> json() {
        return cached.map(Merged::json);
    }

    private Mono<Merged> fetchAndMerge() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> fetch(service.getKey(), service.getValue()))
                .collectList()
                .map(documents -> {
                    JsonNode merged = ApiDocumentMerger.merge(documents, version());
                    boolean complete = documents.stream().allMatch(ServiceDocument::available);
                    return new Merged(json.writeValueAsString(merged), complete);
                });
    }

    private Mono<ServiceDocument> fetch(String service, URI uri) {
        return client.get().uri(uri.resolve(DocsConfiguration.PATH))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(timeout)
                .map(json::readTree)
                .filter(document -> document.isObject() && document.path("paths").isObject())
                .map(document -> new ServiceDocument(service, document))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.warn("API document of {} is not an OpenAPI document: left out", service);
                    return ServiceDocument.unavailable(service);
                }))
                .onErrorResume(failure -> {
                    log.warn("API document of {} could not be fetched: left out ({})", service, failure.toString());
                    return Mono.just(ServiceDocument.unavailable(service));
                });
    }

    private static String version() {
        String version = MergedApiDocument.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private record Merged(String json, boolean complete) {
    }
}
