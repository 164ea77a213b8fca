package io.bantam.identity;

import static io.bantam.identity.IdentityClient.PASSWORD;
import static io.bantam.identity.IdentityClient.newAddress;
import static io.bantam.identity.IdentityClient.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.bantam.events.identity.UserProfileUpdated;
import io.bantam.events.identity.UserRegistered;
import io.bantam.identity.IdentityClient.Session;
import io.bantam.identity.ratelimit.persistence.LoginAttemptStore;
import io.bantam.identity.token.persistence.RefreshTokenStore;
import io.bantam.identity.user.UserService;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.Role;
import io.bantam.service.testsupport.ApiDocuments;
import io.bantam.testing.TestInfrastructure;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The identity API end to end over HTTP, against a real PostgreSQL and a real Kafka broker. One application
 * context for the whole class; tests keep apart by using their own emails and client addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.identity.login-rate-limit.per-email.max-attempts=5",
        "bantam.identity.login-rate-limit.per-address.max-attempts=8"})
@WithPostgres
@WithKafka
@DirtiesContext
class IdentityApiIT {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static UsersTopic usersTopic;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    RefreshTokenStore refreshTokenStore;

    @Autowired
    LoginAttemptStore loginAttempts;

    @Autowired
    DatabaseClient db;

    private IdentityClient identity;

    @BeforeAll
    static void readUsersTopic() {
        usersTopic = new UsersTopic(TestInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopReading() {
        usersTopic.close();
    }

    @BeforeEach
    void client() {
        identity = new IdentityClient(port);
    }

    // signup

    @Test
    void signupAnswersTheNewUserWithASession() {
        String email = newEmail();

        Map<String, Object> session = identity.signup(Map.of("email", email, "password", PASSWORD,
                        "name", "Ada Lovelace", "role", "CLIENT"))
                .expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(session).containsOnlyKeys("user", "accessToken", "refreshToken", "tokenType", "expiresIn")
                .containsEntry("tokenType", "Bearer")
                .containsEntry("expiresIn", 900);
        assertThat((String) session.get("refreshToken")).matches("[A-Za-z0-9_-]{43}");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) session.get("user");
        assertThat(user).containsOnlyKeys("id", "email", "name", "role", "timeZone", "phone", "preferredName",
                        "pronouns", "createdAt")
                .containsEntry("email", email)
                .containsEntry("name", "Ada Lovelace")
                .containsEntry("role", "CLIENT")
                .containsEntry("timeZone", "UTC")
                .containsEntry("phone", null)
                .containsEntry("preferredName", null)
                .containsEntry("pronouns", null);
        assertThat(UUID.fromString((String) user.get("id"))).isNotNull();
        assertThat(Instant.parse((String) user.get("createdAt"))).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void accessTokenOfASignupIsAnRs256JwtSignedWithAPublishedKey() throws Exception {
        Session session = identity.signUp(newEmail(), "CLIENT");

        SignedJWT jwt = SignedJWT.parse(session.accessToken());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(session.user().id().toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("CLIENT");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("bantam-identity");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("bantam-api");
        assertThat(Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(15));

        identity.http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keys[0].kid").isEqualTo(jwt.getHeader().getKeyID())
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].alg").isEqualTo("RS256")
                .jsonPath("$.keys[0].n").exists()
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    @Test
    void signupTakesAnIanaTimeZone() {
        identity.signup(Map.of("email", newEmail(), "password", PASSWORD, "name", "Ada", "role", "FREELANCER",
                        "timeZone", "Europe/Berlin"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.user.timeZone").isEqualTo("Europe/Berlin");
    }

    @Test
    void signupPutsUserRegisteredOnTheUsersTopicKeyedByUserId() {
        String email = newEmail();
        Session session = identity.signUp(email, "CLIENT");
        UUID id = session.user().id();

        ConsumerRecord<String, String> record = usersTopic.awaitRecord(r -> UsersTopic.is(r, UserRegistered.TYPE, id));

        Map<String, Object> event = UsersTopic.json(record);
        assertThat(record.key()).isEqualTo(id.toString());
        assertThat(event).containsOnlyKeys("eventId", "type", "occurredAt", "user")
                .containsEntry("type", "UserRegistered");
        assertThat(UUID.fromString((String) event.get("eventId"))).isNotNull();
        assertThat(Instant.parse((String) event.get("occurredAt"))).isEqualTo(session.user().createdAt());
        assertThat(event.get("user")).isEqualTo(userJson(id, email, "Ada Lovelace", "CLIENT", "UTC", null, null, null));
    }

    @Test
    void emailIsTakenWhateverItsCase() {
        String email = newEmail();
        identity.signUp(email, "FREELANCER");

        identity.signup(Map.of("email", email.toUpperCase(), "password", PASSWORD, "name", "Ada", "role", "CLIENT"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.code").isEqualTo("user.email-taken")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.title").exists()
                .jsonPath("$.detail").exists();
    }

    @Test
    void ofConcurrentSignupsWithOneEmailExactlyOneSucceeds() {
        String email = newEmail();
        WebClient web = WebClient.create("http://127.0.0.1:" + port);

        List<Integer> statuses = Flux.range(0, 6)
                .flatMap(i -> web.post().uri("/api/auth/signup")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", i % 2 == 0 ? email : email.toUpperCase(), "password", PASSWORD,
                                "name", "Ada", "role", "CLIENT"))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
    }

    @Test
    void signupNamesEveryInvalidField() {
        identity.signup(Map.of("email", "not-an-email", "password", "short", "name", " ", "role", "CLIENT",
                        "timeZone", "Mars/Olympus_Mons"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(asStrings(fields))
                        .containsExactlyInAnyOrder("email", "password", "name", "timeZone"));
    }

    @Test
    void passwordOver128CharactersIsInvalid() {
        identity.signup(Map.of("email", newEmail(), "password", "x".repeat(129), "name", "Ada", "role", "CLIENT"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").isEqualTo("must be at most 128 characters");
    }

    @Test
    void unknownRoleIsInvalid() {
        identity.signup(Map.of("email", newEmail(), "password", PASSWORD, "name", "Ada", "role", "ADMIN"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
    }

    @Test
    void malformedJsonIsInvalid() {
        identity.http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
    }

    @Test
    void theUniqueIndexRefusesADuplicateEmailThatSlipsPastTheEarlyCheck() {
        String email = newEmail();
        users.register(email, "hash", "Ada", Role.CLIENT, ZoneId.of("UTC")).block(Duration.ofSeconds(10));

        StepVerifier.create(users.register(" " + email.toUpperCase() + " ", "hash", "Eve", Role.FREELANCER,
                        ZoneId.of("UTC")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ApiException.class,
                        problem -> assertThat(problem.code()).isEqualTo("user.email-taken")))
                .verify(Duration.ofSeconds(10));
    }

    // login

    @Test
    void loginWithTheRightPasswordAnswersASessionWhateverTheEmailsCase() {
        String email = newEmail();
        Session signedUp = identity.signUp(email, "FREELANCER");

        Session session = identity.login(email.toUpperCase(), PASSWORD)
                .expectStatus().isOk()
                .expectBody(Session.class).returnResult().getResponseBody();

        assertThat(session.user()).isEqualTo(signedUp.user());
        assertThat(session.tokenType()).isEqualTo("Bearer");
        assertThat(session.refreshToken()).isNotEqualTo(signedUp.refreshToken());
        identity.me(session.accessToken()).expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = newEmail();
        identity.signUp(email, "CLIENT");

        Map<String, Object> wrongPassword = problem(identity.login(email, "wrong password"), 401);
        Map<String, Object> unknownEmail = problem(identity.login(newEmail(), PASSWORD), 401);

        assertThat(wrongPassword).containsEntry("code", "auth.bad-credentials");
        assertThat(withoutPerRequestMembers(unknownEmail)).isEqualTo(withoutPerRequestMembers(wrongPassword));
    }

    @Test
    void anEmailWithANulCharacterIsAnInvalidLoginNotAServerError() {
        // PostgreSQL refuses U+0000 in text: the lookup used to fail with a 500
        identity.http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"ada\\u0000@example.com\", \"password\": \"" + PASSWORD + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void loginIsRateLimitedPerEmailEvenWithTheRightPassword() {
        String email = newEmail();
        identity.signUp(email, "CLIENT");
        for (int attempt = 1; attempt <= 4; attempt++) {
            identity.login(email, "wrong password").expectStatus().isUnauthorized().expectBody(Void.class);
        }
        identity.login(email, PASSWORD).expectStatus().isOk().expectBody(Void.class); // the fifth attempt

        identity.login(email, PASSWORD)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, Duration.ofMinutes(15).toSeconds()))
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
    }

    @Test
    void loginIsRateLimitedPerClientAddressAcrossEmails() {
        String address = newAddress();
        for (int attempt = 1; attempt <= 8; attempt++) {
            identity.login(newEmail(), "wrong password", address).expectStatus().isUnauthorized().expectBody(Void.class);
        }

        identity.login(newEmail(), "wrong password", address)
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        identity.login(newEmail(), "wrong password", newAddress()).expectStatus().isUnauthorized().expectBody(Void.class);
    }

    // refresh and logout

    @Test
    void refreshRotatesTheRefreshTokenAndIssuesANewAccessToken() {
        Session first = identity.signUp();

        Session second = identity.refresh(first.refreshToken())
                .expectStatus().isOk()
                .expectBody(Session.class).returnResult().getResponseBody();

        assertThat(second.user()).isEqualTo(first.user());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        identity.refresh(second.refreshToken()).expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void reusingARefreshTokenEndsEveryTokenOfThatLoginButNotOtherLogins() {
        String email = newEmail();
        Session stolen = identity.signUp(email, "CLIENT");
        Session rotated = identity.refresh(stolen.refreshToken()).expectStatus().isOk()
                .expectBody(Session.class).returnResult().getResponseBody();
        Session otherLogin = identity.login(email, PASSWORD).expectStatus().isOk()
                .expectBody(Session.class).returnResult().getResponseBody();

        expectProblem(identity.refresh(stolen.refreshToken()), 401, "auth.refresh-reused");

        expectProblem(identity.refresh(rotated.refreshToken()), 401, "auth.refresh-invalid");
        identity.refresh(otherLogin.refreshToken()).expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenAtMostOneSucceeds() {
        Session session = identity.signUp();
        WebClient web = WebClient.create("http://127.0.0.1:" + port);

        List<Integer> statuses = Flux.range(0, 4)
                .flatMap(i -> web.post().uri("/api/auth/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("refreshToken", session.refreshToken()))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).containsOnly(200, 401).filteredOn(status -> status == 200).hasSize(1);
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        expectProblem(identity.refresh("not-a-token"), 401, "auth.refresh-invalid");
    }

    @Test
    void afterLogoutThatRefreshTokenNoLongerWorks() {
        Session session = identity.signUp();

        identity.logout(session.refreshToken()).expectStatus().isNoContent().expectBody().isEmpty();

        expectProblem(identity.refresh(session.refreshToken()), 401, "auth.refresh-invalid");
        identity.logout(session.refreshToken()).expectStatus().isNoContent().expectBody(Void.class);
    }

    // me

    @Test
    void meAnswersTheCallersUser() {
        Session session = identity.signUp();

        identity.me(session.accessToken())
                .expectStatus().isOk()
                .expectBody(IdentityClient.User.class).isEqualTo(session.user());
    }

    @Test
    void meWithoutAValidTokenIsUnauthenticated() {
        expectProblem(identity.http.get().uri("/api/users/me").exchange(), 401, "auth.unauthenticated");
        expectProblem(identity.me("not.a.token"), 401, "auth.unauthenticated");
    }

    @Test
    void patchMeChangesTheGivenFieldsClearsExplicitNullsAndPublishesTheWholeProfile() {
        String email = newEmail();
        Session session = identity.signUp(email, "CLIENT");
        UUID id = session.user().id();
        identity.patchMe(session.accessToken(), """
                {"phone": "+44 20 7946 0000", "pronouns": "she/her", "preferredName": "Ada"}""")
                .expectStatus().isOk().expectBody(Void.class);

        IdentityClient.User changed = identity.patchMe(session.accessToken(), """
                {"name": "Ada King", "timeZone": "Europe/London", "pronouns": null}""")
                .expectStatus().isOk()
                .expectBody(IdentityClient.User.class).returnResult().getResponseBody();

        assertThat(changed).isEqualTo(new IdentityClient.User(id, email, "Ada King", "CLIENT", "Europe/London",
                "+44 20 7946 0000", "Ada", null, session.user().createdAt()));
        identity.me(session.accessToken()).expectBody(IdentityClient.User.class).isEqualTo(changed);
        ConsumerRecord<String, String> record = usersTopic.awaitRecord(r -> UsersTopic.is(r, UserProfileUpdated.TYPE, id)
                && "Ada King".equals(((Map<?, ?>) UsersTopic.json(r).get("user")).get("name")));
        assertThat(record.key()).isEqualTo(id.toString());
        assertThat(UsersTopic.json(record).get("user")).isEqualTo(
                userJson(id, email, "Ada King", "CLIENT", "Europe/London", "+44 20 7946 0000", "Ada", null));
    }

    @Test
    void patchMeRefusesInvalidValuesAndNullsForRequiredFields() {
        Session session = identity.signUp();

        identity.patchMe(session.accessToken(), """
                {"timeZone": "Nowhere/Special", "pronouns": "%s"}""".formatted("x".repeat(41)))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(asStrings(fields))
                        .containsExactlyInAnyOrder("timeZone", "pronouns"));
        identity.patchMe(session.accessToken(), "{\"name\": null}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        // text PostgreSQL cannot store: a NUL used to be a 500, an unpaired surrogate came back as '?'
        identity.patchMe(session.accessToken(), "{\"preferredName\": \"A\\u0000\", \"pronouns\": \"\\ud800\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(asStrings(fields))
                        .containsExactlyInAnyOrder("preferredName", "pronouns"));
        identity.me(session.accessToken()).expectBody(IdentityClient.User.class).isEqualTo(session.user());
    }

    @Test
    void patchMeNeedsAToken() {
        expectProblem(identity.http.patch().uri("/api/users/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Eve\"}").exchange(), 401, "auth.unauthenticated");
    }

    @Test
    void expiredRefreshTokensAndLoginCountersAreCleanedUp() {
        UUID userId = identity.signUp().user().id();
        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        UUID family = UUID.randomUUID();
        refreshTokenStore.insertFamily(family, userId, longAgo)
                .then(refreshTokenStore.insertToken(UUID.randomUUID(), family, "expired-" + family, longAgo,
                        longAgo.plus(Duration.ofDays(30))))
                .block(Duration.ofSeconds(10));
        loginAttempts.increment(List.of(new LoginAttemptStore.Bucket("email:old-" + family, longAgo,
                longAgo.plus(Duration.ofMinutes(15))))).block(Duration.ofSeconds(10));

        assertThat(refreshTokenStore.deleteExpiredBefore(Instant.now().minus(Duration.ofDays(1)))
                .block(Duration.ofSeconds(10))).isPositive();
        assertThat(loginAttempts.deleteExpiredBefore(Instant.now()).block(Duration.ofSeconds(10))).isPositive();
        assertThat(db.sql("SELECT count(*) FROM refresh_token_family WHERE id = :id").bind("id", family)
                .mapValue(Long.class).one().block(Duration.ofSeconds(10))).isZero();
    }

    // operations

    @Test
    void probesAndTheJwksNeedNoToken() {
        identity.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody(Void.class);
        identity.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody(Void.class);
        identity.http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.keys").isNotEmpty();
    }

    @Test
    void apiDocsDescribeTheProfilePatch() {
        identity.http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.schemas.PatchMeRequest.properties.name").exists()
                .jsonPath("$.components.schemas.PatchMeRequest.properties.pronouns").exists()
                .jsonPath("$.components.schemas.SignupRequest.properties.timeZone").exists();
    }

    // helpers

    private static Map<String, Object> userJson(UUID id, String email, String name, String role, String timeZone,
            String phone, String preferredName, String pronouns) {
        Map<String, Object> user = new HashMap<>();
        user.put("id", id.toString());
        user.put("email", email);
        user.put("name", name);
        user.put("role", role);
        user.put("timeZone", timeZone);
        user.put("phone", phone);
        user.put("preferredName", preferredName);
        user.put("pronouns", pronouns);
        return user;
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    /** A problem without what differs from one request to the next (trace ids, instance). */
    private static Map<String, Object> withoutPerRequestMembers(Map<String, Object> problem) {
        return problem.entrySet().stream()
                .filter(entry -> !List.of("traceId", "instance", "timestamp").contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @SuppressWarnings("unchecked")
    private static List<String> asStrings(Object values) {
        return (List<String>) values;
    }

    // the API document

    @Test
    void theApiDocumentDescribesExactlyThePublicIdentityApi() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        Set<String> auth = Set.of("POST /api/auth/signup", "POST /api/auth/login", "POST /api/auth/refresh",
                "POST /api/auth/logout");
        Set<String> all = new HashSet<>(auth);
        all.addAll(Set.of("GET /api/users/me", "PATCH /api/users/me"));

        ApiDocuments documents = ApiDocuments.of(web).describesExactly(all, auth);  // no /internal, no JWKS

        assertThat(documents.describes("POST /api/auth/signup", 409)).contains("user.email-taken");
        assertThat(documents.describes("POST /api/auth/login", 401)).contains("auth.bad-credentials");
        assertThat(documents.describes("POST /api/auth/login", 429)).contains("rate-limited");
        assertThat(documents.describes("POST /api/auth/refresh", 401)).contains("auth.refresh-reused");
        assertThat(documents.responses("POST /api/auth/signup")).contains("201", "400", "409", "413", "429", "503");
        assertThat(documents.responses("POST /api/auth/logout")).contains("204");
        assertThat(documents.document().at("/components/schemas/PatchMeRequest/properties").propertyNames())
                .containsExactlyInAnyOrder("name", "timeZone", "phone", "preferredName", "pronouns");
    }
}
