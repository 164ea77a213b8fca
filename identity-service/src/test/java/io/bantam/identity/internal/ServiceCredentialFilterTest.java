package io.bantam.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.problem.ApiException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ServiceCredentialFilterTest {

    private static final String CREDENTIAL = "the-internal-credential";

    private final ServiceCredentialFilter filter = new ServiceCredentialFilter(
            new ServiceCredentials(List.of(CREDENTIAL)));
    private final AtomicBoolean passed = new AtomicBoolean();
    private final WebFilterChain chain = exchange -> Mono.fromRunnable(() -> passed.set(true));

    @Test
    void aCallerWithTheCredentialGetsThrough() {
        StepVerifier.create(filter.filter(exchange("/internal/users", CREDENTIAL), chain)).verifyComplete();

        assertThat(passed).isTrue();
    }

    @Test
    void aCallerWithoutItIsUnauthenticated() {
        for (String path : List.of("/internal/users", "/internal", "/internal/users/x")) {
            StepVerifier.create(filter.filter(exchange(path, "wrong-credential-here"), chain))
                    .expectErrorSatisfies(error -> assertThat(((ApiException) error).status())
                            .isEqualTo(HttpStatus.UNAUTHORIZED))
                    .verify();
            StepVerifier.create(filter.filter(exchange(path, null), chain))
                    .expectErrorSatisfies(error -> assertThat(((ApiException) error).code())
                            .isEqualTo("auth.unauthenticated"))
                    .verify();
        }
        assertThat(passed).isFalse();
    }

    @Test
    void withNoCredentialConfiguredTheInternalApiDoesNotExist() {
        ServiceCredentialFilter off = new ServiceCredentialFilter(new ServiceCredentials(List.of()));

        StepVerifier.create(off.filter(exchange("/internal/users", ""), chain))
                .expectErrorSatisfies(error -> assertThat(((ApiException) error).status())
                        .isEqualTo(HttpStatus.NOT_FOUND))
                .verify();
        assertThat(passed).isFalse();
    }

    @Test
    void otherPathsAreNotItsBusiness() {
        StepVerifier.create(filter.filter(exchange("/api/users/me", null), chain)).verifyComplete();
        StepVerifier.create(filter.filter(exchange("/internals", null), chain)).verifyComplete();

        assertThat(passed).isTrue();
    }

    private static MockServerWebExchange exchange(String path, String credential) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(path);
        if (credential != null) {
            request.header(ServiceCredentialFilter.HEADER, credential);
        }
        return MockServerWebExchange.from(request);
    }
}
