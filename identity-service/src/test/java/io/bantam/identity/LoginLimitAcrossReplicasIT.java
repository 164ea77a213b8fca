package io.bantam.identity;

import static io.bantam.identity.IdentityClient.PASSWORD;
import static io.bantam.identity.IdentityClient.newEmail;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.bantam.identity.IdentityClient.Session;
import io.bantam.testing.PostgresDatabase;
import io.bantam.testing.TestInfrastructure;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of identity-service on one database, then a restart: the login limit is counted in PostgreSQL,
 * so it is one limit for all of them and it survives the restart. The replicas share a configured signing key,
 * as deployed replicas do, so a token one issues is accepted by the other.
 */
class LoginLimitAcrossReplicasIT {

    private final PostgresDatabase database = TestInfrastructure.newDatabase("LoginLimitAcrossReplicasIT");
    private final String signingKey = pem();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theLoginLimitIsOneLimitForEveryReplicaAndSurvivesARestart() {
        IdentityClient first = startReplica();
        IdentityClient second = startReplica();
        String email = newEmail();
        Session session = first.signUp(email, "CLIENT");
        second.me(session.accessToken()).expectStatus().isOk().expectBody(Void.class);

        first.login(email, "wrong password").expectStatus().isUnauthorized().expectBody(Void.class);
        second.login(email, "wrong password").expectStatus().isUnauthorized().expectBody(Void.class);
        first.login(email, PASSWORD).expectStatus().isOk().expectBody(Void.class);
        second.login(email, PASSWORD).expectStatus().isEqualTo(429).expectBody(Void.class);

        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
        IdentityClient restarted = startReplica();

        restarted.login(email, PASSWORD).expectStatus().isEqualTo(429).expectBody(Void.class);
    }

    private IdentityClient startReplica() {
        ConfigurableApplicationContext replica = new SpringApplicationBuilder(IdentityApplication.class).run(database.springArguments(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--bantam.identity.signing.keys[0].id=shared",
                "--bantam.identity.signing.keys[0].private-key=" + signingKey,
                "--bantam.identity.login-rate-limit.per-email.max-attempts=3"));
        running.add(replica);
        return new IdentityClient(Integer.parseInt(replica.getEnvironment().getProperty("local.server.port")));
    }

    private static String pem() {
        try {
            byte[] pkcs8 = new RSAKeyGenerator(2048).generate().toPrivateKey().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
