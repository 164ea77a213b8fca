package io.bantam.service.security;

import io.bantam.service.problem.ApiException;
import io.bantam.service.problem.ProblemResponses;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every service is a stateless OAuth2 resource server: RS256 access tokens from identity-service, verified
 * against its JWKS with issuer and audience pinned; no sessions, no CSRF (no cookies), problem+json for
 * 401 and 403.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(BantamSecurityProperties.class)
public class SecurityAutoConfiguration {

    /** Always reachable without a token: probes, metrics scraping, API documents. */
    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/prometheus", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml");

    static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);

    /**
     * Verifies tokens with identity-service's JWKS. The key fetch has timeouts: while identity-service is
     * down or hangs, a request whose key is not cached yet answers 503 within seconds instead of waiting.
     * Verified signatures are remembered ({@link VerifiedSignatureCache}, bantam.security.jwt.cache-*): the claims
     * are still validated on every request, and a JWKS that differs from the one fetched before empties the cache.
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder bantamJwtDecoder(BantamSecurityProperties properties) {
        BantamSecurityProperties.Jwt jwt = properties.jwt();
        OAuth2TokenValidator<Jwt> validator = JwtValidation.validator(jwt.issuer(), jwt.audience());
        AtomicReference<VerifiedSignatureCache> cache = new AtomicReference<>();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(JWKS_CONNECT_TIMEOUT.toMillis()))
                .responseTimeout(JWKS_TIMEOUT);
        WebClient jwksClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter((request, next) -> next.exchange(request).timeout(JWKS_TIMEOUT))
                .filter((request, next) -> next.exchange(request).flatMap(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .map(body -> {
                            VerifiedSignatureCache verified = cache.get();
                            if (verified != null && response.statusCode().is2xxSuccessful()) {
                                verified.keySetFetched(body);
                            }
                            return response.mutate().body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                                    .build();
                        })))
                .build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(jwksClient)
                .build();
        if (jwt.cacheSize() <= 0) {
            decoder.setJwtValidator(validator);
            return decoder;
        }
        // the signature only: VerifiedSignatureCache validates the claims on every call
        decoder.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
        cache.set(new VerifiedSignatureCache(decoder, validator, jwt.cacheSize(), jwt.cacheMaximumAge(),
                Clock.systemUTC()));
        return cache.get();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain bantamSecurityWebFilterChain(ServerHttpSecurity http, BantamSecurityProperties properties,
            ReactiveJwtDecoder decoder, ProblemResponses problems) {
        List<String> open = publicPaths(properties);
        ServerAuthenticationEntryPoint entryPoint = (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    failure instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problems.write(exchange, ApiException.unauthorized("auth.unauthenticated",
                    "A valid access token is required."));
        };
        ServerAccessDeniedHandler denied = (exchange, failure) -> problems.write(exchange,
                ApiException.forbidden("Your role may not do this."));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .pathMatchers(properties.protectedPaths().toArray(String[]::new)).authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(ignoringTokensOn(open))
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(roleConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .build();
    }

    /** Every path pattern anyone may call without a token: {@link #ALWAYS_PUBLIC} and the service's own. */
    public static List<String> publicPaths(BantamSecurityProperties properties) {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(properties.publicPaths());
        return List.copyOf(open);
    }

    /**
     * A public path ignores any bearer token it is sent, so a client that attaches its stale access token to
     * {@code /api/auth/refresh} is not refused for it.
     */
    static ServerAuthenticationConverter ignoringTokensOn(List<String> publicPaths) {
        ServerWebExchangeMatcher publicPath = ServerWebExchangeMatchers.pathMatchers(publicPaths.toArray(String[]::new));
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange -> publicPath.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }

    /**
     * No observation (span, span events, timer) per security filter, authentication and authorization: about 20 per
     * request, each a span event on the request's span, for nothing an operator reads. The request itself stays
     * observed ({@code http.server.requests} metrics and its span, with the trace id in its log line); a refused
     * token still shows as a 401 there.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings bantamSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses (encoded dots, double slashes, NUL...) get a 400 problem, not an empty body. */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler bantamExchangeRejectedHandler(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange,
                ApiException.invalid("The request path is not allowed.", List.of()));
    }

    /** The token's {@code role} claim becomes the authority {@code ROLE_<role>}. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> roleConverter() {
        return jwt -> {
            List<GrantedAuthority> authorities = List.of(
                    new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(JwtValidation.ROLE_CLAIM)));
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        };
    }

    @Bean
    WebFluxConfigurer bantamCurrentUserResolver() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CurrentUserArgumentResolver());
            }
        };
    }
}
