package io.bantam.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.bantam.local.system.Api;
import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.Api.Request;
import io.bantam.local.system.RunningSystem;
import io.bantam.local.system.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What the web UI relies on from the API, checked on the started system without a browser: its typed client's
 * snapshot of the API document still matches the live one, and the browser session (docs/web-session.md) works
 * through the real gateway (the {@code Bantam-Session} header, {@code Cookie} and {@code Set-Cookie} pass
 * through, and identity-service sees the gateway's own origin as the API's).
 */
@Order(150)
@ExtendWith(RunningSystem.Shared.class)
class WebApiIT {

    /** The snapshot web/ generates its typed API client from, written by {@code npm run api:pull}. */
    static final String SNAPSHOT = "web/openapi/bantam.json";
    static final String PULL = "cd web && npm run api:pull";

    private static RunningSystem system;
    private static Api gateway;

    @BeforeAll
    static void theSystem(RunningSystem running) {
        system = running;
        gateway = running.gateway();
    }

    @Test
    void theLiveApiDocumentIsTheSnapshotTheWebUiIsBuiltFrom() throws IOException {
        Path snapshot = system.settings().root().resolve(SNAPSHOT);
        assertThat(snapshot).as("the web UI's API snapshot (made by `%s`)", PULL).isRegularFile();
        JsonNode committed = Api.JSON.readTree(Files.readString(snapshot));
        // every service's document in it (a service still starting would be left out of the merged one)
        Reply live = World.eventually(() -> gateway.get("/v3/api-docs", null), reply -> reply.status() == 200
                && reply.body().path("x-bantam-services").properties().stream()
                        .allMatch(service -> service.getValue().asString("").equals("included")));

        List<String> differences = new ArrayList<>();
        differences(committed, live.body(), "", differences);
        if (!differences.isEmpty()) {
            fail("The API document the gateway serves (GET /v3/api-docs) is not the snapshot %s that the web UI's "
                    + "typed client is generated from. Refresh it with the system running (./bantam up): `%s`, "
                    + "then build web/ (its TypeScript shows what the change breaks) and commit the snapshot. "
                    + "%d difference(s), first ones:%n  %s", SNAPSHOT, PULL, differences.size(),
                    String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    @Test
    void aBrowserSessionWorksThroughTheGatewayFromItsOwnOrigin() {
        String origin = gateway.baseUrl();
        String email = "web-" + UUID.randomUUID() + "@example.com";
        Reply signup = gateway.send(browser("/api/auth/signup", origin, null).json(Map.of("email", email,
                "password", World.PASSWORD, "name", "Ada", "role", "FREELANCER", "timeZone", "Europe/Berlin")));
        assertThat(signup.status()).as("%s", signup).isEqualTo(201);
        assertThat(signup.body().has("refreshToken")).isTrue();
        assertThat(signup.body().path("refreshToken").isNull()).as("%s", signup).isTrue();
        String first = refreshCookie(signup);

        Reply refreshed = gateway.send(browser("/api/auth/refresh", origin, first));
        assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(200);
        String second = refreshCookie(refreshed);
        assertThat(second).isNotEqualTo(first);
        Reply me = gateway.get("/api/users/me", refreshed.get("accessToken"));
        assertThat(me.get("email")).as("%s", me).isEqualTo(email);

        // the first cookie again: reuse ends the login, the cookie is cleared
        Reply reused = gateway.send(browser("/api/auth/refresh", origin, first));
        assertThat(reused.status()).as("%s", reused).isEqualTo(401);
        assertThat(reused.get("code")).isEqualTo("auth.refresh-reused");
        assertThat(reused.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).contains("Max-Age=0"));
        assertThat(gateway.send(browser("/api/auth/refresh", origin, second)).status()).isEqualTo(401);

        // another site's page never gets as far as identity-service
        Reply foreign = gateway.send(browser("/api/auth/login", "https://evil.example.com", null)
                .json(Map.of("email", email, "password", World.PASSWORD)));
        assertThat(foreign.status()).as("%s", foreign).isEqualTo(403);
        assertThat(foreign.get("code")).isEqualTo("request.origin-not-allowed");
        assertThat(foreign.header("Set-Cookie")).isEmpty();
    }

    private static Request browser(String path, String origin, String cookie) {
        Request request = Request.to("POST", path).header("Bantam-Session", "cookie").header("Origin", origin);
        return cookie == null ? request : request.header("Cookie", "bantam_refresh=" + cookie);
    }

    private static String refreshCookie(Reply reply) {
        String setCookie = reply.header("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie: " + reply));
        assertThat(setCookie.toLowerCase()).contains("httponly", "secure", "samesite=strict", "path=/api/auth",
                "max-age=2592000");
        assertThat(setCookie).startsWith("bantam_refresh=");
        return setCookie.substring("bantam_refresh=".length(), setCookie.indexOf(';'));
    }

    /** Where two JSON documents differ, as JSON pointers with what each side has there. */
    static void differences(JsonNode expected, JsonNode actual, String at, List<String> found) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.propertyNames().forEach(names::add);
            actual.propertyNames().forEach(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    found.add(pointer + ": only in the snapshot");
                } else if (!expected.has(name)) {
                    found.add(pointer + ": only in the live document");
                } else {
                    differences(expected.get(name), actual.get(name), pointer, found);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                differences(expected.get(i), actual.get(i), at + "/" + i, found);
            }
            return;
        }
        found.add(at + ": snapshot " + abbreviate(expected.toString()) + ", live " + abbreviate(actual.toString()));
    }

    private static String abbreviate(String json) {
        return json.length() <= 120 ? json : json.substring(0, 120) + "...";
    }
}
