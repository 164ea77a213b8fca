package io.bantam.service.security;

import io.bantam.service.problem.ApiException;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Fills a controller's {@link CurrentUser} parameter from the validated access token. */
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(CurrentUserArgumentResolver::toCurrentUser)
                .switchIfEmpty(Mono.error(() -> ApiException.unauthorized("auth.unauthenticated",
                        "A valid access token is required.")));
    }

    static Object toCurrentUser(JwtAuthenticationToken token) {
        return new CurrentUser(UUID.fromString(token.getToken().getSubject()),
                Role.valueOf(token.getToken().getClaimAsString(JwtValidation.ROLE_CLAIM)),
                token.getToken().getTokenValue());
    }
}
