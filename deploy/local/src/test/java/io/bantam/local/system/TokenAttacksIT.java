package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.Api.Request;
import io.bantam.local.system.OpenApi.Operation;
import io.bantam.local.system.RouteBook.Access;
import io.bantam.local.system.RouteBook.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Token attacks straight at each service's own port, bypassing the gateway (every service checks the token
 * itself, trusting no network): for every protected operation a service documents, a request with no token, a
 * malformed one, one signed by another key (under identity's key id and under its own), {@code alg: none}, an
 * HMAC "signed" with identity's public key, RS512, and tokens signed with identity's real key (read from the
 * local state folder, where {@code ./bantam up} keeps it) that differ from a good token in one claim only:
 * expired, no expiry, wrong issuer, wrong or no audience, no UUID subject, an unknown role; plus a real login
 * token with its payload changed. Every one is a 401 problem+json {@code auth.unauthenticated}. Controls: the
 * real login token, and a token this test signs with the right claims, get a 2xx, so each attack fails for
 * the one thing it changes. identity-service's internal lookups take a service credential instead: none, a
 * wrong one, or a user's access token get 401.
 */
@Order(400)
@ExtendWith(RunningSystem.Shared.class)
class TokenAttacksIT {

    private static final String ISSUER = "bantam-identity";
    private static final String AUDIENCE = "bantam-api";
    private static final String SERVICE_CREDENTIAL_HEADER = "Bantam-Service-Token";
    private static final String LOCAL_SERVICE_CREDENTIAL = "bantam-local-internal-token";

    private static RunningSystem system;
    private static OpenApi routes;
    private static World world;
    private static RSAKey identityKey;
    private static RSAKey otherKey;
    private static String loginToken;

    @BeforeAll
    static void identitysKeyAndARealLogin(RunningSystem running) throws Exception {
        system = running;
        routes = OpenApi.read(running);
        world = World.build(running.gateway());
        identityKey = identitysSigningKey(running);
        otherKey = new RSAKeyGenerator(2048).keyID(identityKey.getKeyID()).generate();
        Reply login = running.gateway().post("/api/auth/login",
                Map.of("email", world.a.email(), "password", World.PASSWORD), null);
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        loginToken = login.get("accessToken");
    }

    @Test
    void everyDocumentedOperationIsInTheRouteBook() {
        assertThat(RouteBook.mismatches(routes)).as("route list against RouteBook").isEmpty();
    }

    /** Each attack: a name and the Authorization header value (null: none at all). */
    private static Map<String, Function<World.User, String>> attacks() {
        Map<String, Function<World.User, String>> attacks = new LinkedHashMap<>();
        attacks.put("no token", user -> null);
        attacks.put("not a JWT", user -> "Bearer not-a-jwt");
        attacks.put("an empty bearer", user -> "Bearer ");
        attacks.put("a Basic header", user -> "Basic " + Base64.getEncoder()
                .encodeToString((user.email() + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        attacks.put("expired", user -> bearer(sign(identityKey, JWSAlgorithm.RS256,
                claims(user).expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(2))))
                        .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(17)))))));
        attacks.put("no expiry", user -> bearer(sign(identityKey, JWSAlgorithm.RS256,
                claims(user).expirationTime(null))));
        attacks.put("wrong issuer", user -> bearer(sign(identityKey, JWSAlgorithm.RS256, claims(user).issuer("evil"))));
        attacks.put("no issuer", user -> bearer(sign(identityKey, JWSAlgorithm.RS256, claims(user).issuer(null))));
        attacks.put("wrong audience", user -> bearer(sign(identityKey, JWSAlgorithm.RS256,
                claims(user).audience("another-api"))));
        attacks.put("no audience", user -> bearer(sign(identityKey, JWSAlgorithm.RS256,
                claims(user).audience((String) null))));
        attacks.put("a subject that is no user id", user -> bearer(sign(identityKey, JWSAlgorithm.RS256,
                claims(user).subject("admin"))));
        attacks.put("an unknown role", user -> bearer(sign(identityKey, JWSAlgorithm.RS256,
                claims(user).claim("role", "ADMIN"))));
        attacks.put("RS512 with identity's key", user -> bearer(sign(identityKey, JWSAlgorithm.RS512, claims(user))));
        attacks.put("signed by another key under identity's key id", user -> bearer(sign(otherKey, JWSAlgorithm.RS256,
                claims(user))));
        attacks.put("signed by another key under its own key id", user -> bearer(sign(
                new RSAKey.Builder(otherKey).keyID("attacker").build(), JWSAlgorithm.RS256, claims(user))));
        attacks.put("alg none", user -> bearer(new PlainJWT(claims(user).build()).serialize()));
        attacks.put("HS256 keyed with identity's public key", user -> bearer(hmacWithPublicKey(claims(user))));
        attacks.put("a real token with its role changed", user -> bearer(tampered(loginToken, "role", "CLIENT")));
        attacks.put("a real token with its subject changed", user -> bearer(tampered(loginToken, "sub", world.b.id())));
        attacks.put("a real token with its signature cut off", user -> bearer(
                loginToken.substring(0, loginToken.lastIndexOf('.') + 1)));
        return attacks;
    }

    @TestFactory
    Stream<DynamicNode> everyProtectedOperationOfEveryServiceRefusesEveryForgedToken() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Operation operation : routes.operations()) {
            Route route = RouteBook.find(operation.key()).orElse(null);
            if (route == null || route.access() != Access.USER) {
                continue;
            }
            Api service = system.service(operation.service());
            List<DynamicTest> tests = new ArrayList<>();
            attacks().forEach((attack, header) -> tests.add(DynamicTest.dynamicTest(attack, () -> {
                Reply reply = service.send(request(operation, route, route.instance(), header.apply(world.a)));
                Problems.assertProblem(reply, 401, "auth.unauthenticated");
            })));
            tests.add(DynamicTest.dynamicTest("control: a token signed here with identity's key and the right claims",
                    () -> assertSuccess(service.send(request(operation, route, route.fresh(),
                            bearer(sign(identityKey, JWSAlgorithm.RS256, claims(world.a))))))));
            tests.add(DynamicTest.dynamicTest("control: the real login token", () -> assertSuccess(
                    service.send(request(operation, route, route.fresh(), bearer(loginToken))))));
            nodes.add(DynamicContainer.dynamicContainer(operation.key() + " on " + operation.service() + "'s port",
                    tests));
        }
        return nodes.stream();
    }

    @TestFactory
    Stream<DynamicNode> theInternalLookupsTakeAServiceCredentialAndNothingElse() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Operation operation : routes.operations()) {
            Route route = RouteBook.find(operation.key()).orElse(null);
            if (route == null || route.access() != Access.INTERNAL) {
                continue;
            }
            Api service = system.service(operation.service());
            Request plain = request(operation, route, route.instance(), null);
            Map<String, Request> attacks = new LinkedHashMap<>();
            attacks.put("no credential", plain);
            attacks.put("a wrong credential", plain.header(SERVICE_CREDENTIAL_HEADER, "guess"));
            attacks.put("an empty credential", plain.header(SERVICE_CREDENTIAL_HEADER, ""));
            attacks.put("a user's real access token", plain.token(loginToken));
            List<DynamicTest> tests = new ArrayList<>();
            attacks.forEach((attack, request) -> tests.add(DynamicTest.dynamicTest(attack, () ->
                    Problems.assertProblem(service.send(request), 401, "auth.unauthenticated"))));
            tests.add(DynamicTest.dynamicTest("control: the local service credential", () -> assertSuccess(
                    service.send(plain.header(SERVICE_CREDENTIAL_HEADER, LOCAL_SERVICE_CREDENTIAL)))));
            nodes.add(DynamicContainer.dynamicContainer(operation.key() + " on " + operation.service() + "'s port",
                    tests));
        }
        return nodes.stream();
    }

    private static void assertSuccess(Reply reply) {
        assertThat(reply.status()).as("a valid credential gets through: %s", reply).isBetween(200, 299);
    }

    private static Request request(Operation operation, Route route,
            Function<World, Map<String, String>> instance, String authorization) {
        Map<String, String> values = instance == null ? Map.of() : instance.apply(world);
        String query = route.query() == null ? "" : route.query().apply(world);
        Request request = Request.to(operation.method(), BadRequests.withQuery(operation.path(values), query));
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return operation.hasBody() ? request.json(route.body().apply(world)) : request;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The claims of a good access token for {@code user}, as identity-service issues them. */
    private static JWTClaimsSet.Builder claims(World.User user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(user.id())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("role", user.role())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The old algorithm confusion: HS256 with the RSA public key's bytes as the shared secret. */
    private static String hmacWithPublicKey(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(identityKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new MACSigner(identityKey.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload has one claim changed; header and signature kept. */
    private static String tampered(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        Map<String, Object> payload = new LinkedHashMap<>(Api.JSON.readValue(
                new Base64URL(parts[1]).decodeToString(), Map.class));
        payload.put(claim, value);
        return parts[0] + "." + Base64URL.encode(Api.JSON.writeValueAsString(payload)) + "." + parts[2];
    }

    /**
     * identity-service's signing key: the PKCS#8 PEM it generated in the state folder, with the key id its JWKS
     * publishes for it (checked: the JWKS holds exactly that public key).
     */
    private static RSAKey identitysSigningKey(RunningSystem running) throws Exception {
        Path pem = running.dataDir().resolve("identity/signing-key.pem");
        String base64 = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        Reply jwks = running.service("identity").get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).as("%s", jwks).isEqualTo(200);
        RSAKey published = JWKSet.parse(jwks.text()).getKeys().stream()
                .filter(key -> key instanceof RSAKey rsaKey && rsaKey.getModulus().decodeToBigInteger()
                        .equals(publicKey.getModulus()))
                .map(RSAKey.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("identity's JWKS does not publish the key in " + pem));
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(published.getKeyID()).build();
    }
}
