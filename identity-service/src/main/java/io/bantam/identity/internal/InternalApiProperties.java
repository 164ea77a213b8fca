package io.bantam.identity.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The internal API ({@code /internal/**}): endpoints for other Bantam services, never routed by the gateway.
 *
 * @param serviceTokens the shared service credentials a caller may present in {@value ServiceCredentialFilter#HEADER}
 *     (from a Secret; comma-separated in {@code BANTAM_INTERNAL_TOKEN}). More than one while a credential is being
 *     rotated: add the new one here, switch the callers, remove the old one. None: the internal API is off (404).
 */
@ConfigurationProperties("bantam.internal")
public record InternalApiProperties(@DefaultValue List<String> serviceTokens) {
}
