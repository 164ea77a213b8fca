package io.bantam.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts from a caller before any service sees it.
 *
 * @param maxRequestBody the largest request body; a larger one is refused with 413 {@code request.too-large}
 */
@ConfigurationProperties("bantam.gateway.limits")
public record LimitProperties(@DefaultValue("1MB") DataSize maxRequestBody) {
}
