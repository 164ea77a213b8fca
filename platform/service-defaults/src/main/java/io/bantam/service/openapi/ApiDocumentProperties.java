package io.bantam.service.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document ({@code /v3/api-docs}) says about it. Everything else in the document
 * follows from the controllers and from {@link ApiConventions}.
 *
 * @param title the document's title; {@code Bantam <spring.application.name>} when empty
 * @param description what the service is for, in a sentence or two (Markdown)
 */
@ConfigurationProperties("bantam.api")
public record ApiDocumentProperties(@DefaultValue("") String title, @DefaultValue("") String description) {
}
