package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.OpenApi.Operation;
import io.bantam.local.system.RouteBook.Access;
import io.bantam.local.system.RouteBook.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input on every operation the services document, through the gateway with a valid token: whatever is
 * wrong with a request, the answer is a 4xx problem+json (a 413 for a body over 1 MiB, a 415 for a body that is
 * not JSON), never a 5xx, and never a class name, SQL or a stack trace. The cases come from each operation's
 * OpenAPI schema ({@link BadRequests}), with random invalid values from jqwik; the seed is printed and can be
 * fixed with {@code -Dbantam.seed=<seed>}. Afterwards the owner's data is exactly what it was: no bad request
 * wrote anything.
 *
 * @see ClassOrderer.OrderAnnotation the order of the system suites
 */
@Order(300)
@ExtendWith(RunningSystem.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final long SEED = Long.getLong("bantam.seed", System.nanoTime());

    private static OpenApi routes;
    private static World world;
    private static Api gateway;
    private static Map<String, String> before;
    private static long started;

    @BeforeAll
    static void theOwnersData(RunningSystem system) {
        gateway = system.gateway();
        routes = OpenApi.read(system);
        world = World.build(gateway);
        before = snapshot();
        started = System.nanoTime();
        System.out.println("BadInputIT: random values with -Dbantam.seed=" + SEED);
    }

    @Test
    @Order(1)
    void everyDocumentedOperationIsInTheRouteBook() {
        assertThat(RouteBook.mismatches(routes)).as("route list against RouteBook").isEmpty();
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> everyBadRequestIsA4xxProblemThatRevealsNothing() {
        BadRequests bad = new BadRequests(SEED);
        List<DynamicNode> operations = new ArrayList<>();
        for (Operation operation : routes.operations()) {
            Route route = RouteBook.find(operation.key()).orElse(null);
            if (route == null || !(route.access() == Access.OPEN || route.access() == Access.USER)) {
                continue; // not behind the gateway: internal lookups and the keys (TokenAttacksIT covers them)
            }
            String token = route.access() == Access.USER ? world.a.token() : null;
            List<BadRequests.Case> cases = bad.of(operation, route, world, token);
            if (cases.isEmpty()) {
                continue;
            }
            operations.add(DynamicContainer.dynamicContainer(operation.key() + " (" + cases.size() + " cases)",
                    cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)))));
        }
        return operations.stream();
    }

    private static void check(BadRequests.Case badCase) {
        Reply reply = gateway.send(badCase.request());
        if (badCase.status() != 0) {
            Problems.assertProblem(reply, badCase.status());
        } else {
            Problems.assertClientError(reply);
        }
    }

    @Test
    @Order(3)
    void theOwnersDataIsUnchangedAfterwards() {
        Map<String, String> after = snapshot();
        assertThat(after).as("A's data after every bad request").isEqualTo(before);
        System.out.printf("BadInputIT: bad requests and checks took %.1f s%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
    }

    /** Everything of A's, as A reads it: each resource and each list. */
    private static Map<String, String> snapshot() {
        Map<String, String> data = new LinkedHashMap<>();
        List<String> reads = List.of("/api/users/me", "/api/relationships/" + world.relationshipAC1,
                "/api/relationships?status=ALL", "/api/availability/" + world.a.id(), "/api/bookings/" + world.bookingA,
                "/api/bookings", "/api/tasks/" + world.taskA, "/api/tasks", "/api/notes/" + world.noteA, "/api/notes");
        for (String read : reads) {
            Reply reply = gateway.get(read, world.a.token());
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            data.put(read, reply.text());
        }
        return data;
    }
}
