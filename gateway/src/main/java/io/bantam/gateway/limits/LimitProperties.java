package io.bantam.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts from a caller before any service sees it.
 *
 * @param maxRequestBody    the largest request body; a larger one is refused with 413 {@code request.too-large}
 * @param maxRequestHeaders the largest total of request header lines (names, values, separators); more is
 *                          refused with 431 {@code request.headers-too-large}
 * @param maxRequestTarget  the longest request target (path and query as sent); longer is refused with 414
 *                          {@code request.uri-too-long}
 * @param maxDiscarded      after an early refusal (413, 401, 404, 429, ... while the body still arrives), how much
 *                          of the rest of the body the gateway reads and throws away so that the caller, still
 *                          sending, can read the answer (RFC 9112, 9.6); beyond it the connection is closed
 * @param maxDiscardTime    the same bound in time: a caller that sends slower than this is cut off
 */
@ConfigurationProperties("bantam.gateway.limits")
public record LimitProperties(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("16KB") DataSize maxRequestHeaders,
        @DefaultValue("4KB") DataSize maxRequestTarget,
        @DefaultValue("16MB") DataSize maxDiscarded,
        @DefaultValue("10s") Duration maxDiscardTime) {
}
