package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.Api.Request;
import io.bantam.local.system.OpenApi.Operation;
import io.bantam.local.system.RouteBook.Access;
import io.bantam.local.system.RouteBook.Caller;
import io.bantam.local.system.RouteBook.Route;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/**
 * The tenancy matrix, generated from the route list the services document: for every operation whose path
 * holds an id, A (a freelancer) owns the resource, and B (another freelancer with data of its own), C (B's
 * client, unrelated to A) and D (A's other client, no party of it) call it with A's id. Each gets exactly what
 * it would get for an id that does not exist: 404 {@code not-found}, or 403 {@code role.forbidden} where the
 * contract refuses its role the whole endpoint, with the same body, so nothing tells that A's resource exists.
 * Only where the contract shares the resource (A's availability with A's clients) does D get it. A then reads
 * the resource unchanged. Lists: nobody else's list, whatever the filter, holds an id of A's; and bodies
 * naming A's people (B booking A's client, C booking A) are refused as {@code relationship.required}.
 *
 * <p>A new endpoint is in the matrix as soon as a service documents it; until {@link RouteBook} knows how to
 * make an instance of it, its cells fail and say what to add.
 */
@Order(200)
@ExtendWith(RunningSystem.Shared.class)
class TenancyMatrixIT {

    private static OpenApi routes;
    private static World world;
    private static Api gateway;

    @BeforeAll
    static void aWorldOfThreeTenants(RunningSystem system) {
        gateway = system.gateway();
        routes = OpenApi.read(system);
        world = World.build(gateway);
    }

    @Test
    void everyDocumentedOperationIsInTheRouteBook() {
        assertThat(RouteBook.mismatches(routes)).as("route list against RouteBook").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> nobodyElseReachesAnIdOfTheOwners() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Operation operation : routes.operations()) {
            if (operation.pathParameters().isEmpty()) {
                continue;
            }
            Route route = RouteBook.find(operation.key()).orElse(null);
            if (route == null || route.instance() == null) {
                nodes.add(DynamicTest.dynamicTest(operation.key(), () -> {
                    throw new AssertionError(operation.key() + " takes an id but RouteBook cannot make one of A's:"
                            + " give its entry instance(w -> Map.of(...)) (and a readBack), see RouteBook's comment");
                }));
                continue;
            }
            List<DynamicTest> cells = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                World.User who = caller.of(world);
                cells.add(DynamicTest.dynamicTest(operation.key() + " by " + caller.label() + " (" + who.role() + ")",
                        () -> cell(operation, route, caller)));
            }
            nodes.add(DynamicContainer.dynamicContainer(operation.key(), cells));
        }
        return nodes.stream();
    }

    private static void cell(Operation operation, Route route, Caller caller) {
        World.User who = caller.of(world);
        Map<String, String> owners = route.instance().apply(world);
        Map<String, String> nobodys = new LinkedHashMap<>();
        owners.keySet().forEach(name -> nobodys.put(name, UUID.randomUUID().toString()));
        Reply before = readBack(route, owners);

        Reply answer = send(operation, route, owners, who.token());
        Reply unknown = send(operation, route, nobodys, who.token());

        if (route.access() == Access.INTERNAL || route.access() == Access.KEYS) {
            // not routed: the gateway knows no such path, for anyone
            Problems.assertProblem(answer, 404, "not-found");
        } else if (!route.allows(who.role())) {
            Problems.assertProblem(answer, 403, "role.forbidden");
        } else if (route.sharedWith().contains(caller)) {
            assertThat(answer.status()).as("the contract shares it with %s: %s", caller.label(), answer).isEqualTo(200);
        } else if (route.othersGet() != null && route.othersGet().code() != null) {
            Problems.assertProblem(answer, route.othersGet().status(), route.othersGet().code());
        } else if (route.othersGet() != null) {
            assertThat(answer.status()).as("%s: %s", route.othersGet().why(), answer)
                    .isEqualTo(route.othersGet().status());
        } else {
            Problems.assertProblem(answer, 404, "not-found");
        }
        // a path variable that is not an id (a date) has no "unknown id" to compare with
        boolean ownPath = route.othersGet() != null && route.othersGet().code() == null;
        if (!route.sharedWith().contains(caller) && !ownPath) {
            assertThat(withoutIds(answer, owners)).as("A's id answered like an unknown id:\n%s\n%s", answer, unknown)
                    .isEqualTo(withoutIds(unknown, nobodys));
            assertThat(answer.text()).as("nothing of A's in %s", answer).doesNotContain(world.a.email(), world.a.name());
        }
        Reply after = readBack(route, owners);
        assertThat(after.status()).as("A reads it afterwards: %s", after).isEqualTo(200);
        assertThat(after.text()).as("A's resource unchanged after %s", answer).isEqualTo(before.text());
    }

    @TestFactory
    Stream<DynamicNode> nobodyElsesListHoldsAnIdOfTheOwners() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Operation operation : routes.operations()) {
            if (!operation.method().equals("GET") || !operation.pathParameters().isEmpty()) {
                continue;
            }
            Route route = RouteBook.find(operation.key()).orElse(null);
            if (route == null || route.listQueries().isEmpty()) {
                if (route == null || route.tenancy() == null) {
                    nodes.add(DynamicTest.dynamicTest(operation.key(), () -> {
                        throw new AssertionError(operation.key() + " reads without an id: give its RouteBook entry"
                                + " listQueries(...) that would find A's data, or tenancy(\"why it only shows the"
                                + " caller's own\")");
                    }));
                }
                continue;
            }
            List<DynamicTest> cells = new ArrayList<>();
            for (Function<World, String> filter : route.listQueries()) {
                String path = BadRequests.withQuery(operation.path(Map.of()), filter.apply(world));
                if (route.access() == Access.USER) {
                    cells.add(DynamicTest.dynamicTest(path + " by the owner finds A's data", () -> {
                        Reply own = gateway.get(path, world.a.token());
                        assertThat(own.status()).as("%s", own).isEqualTo(200);
                        assertThat(world.privateIdsOfA()).as("the filter finds something of A's: %s", own)
                                .anySatisfy(id -> assertThat(own.text()).contains(id));
                    }));
                }
                for (Caller caller : Caller.values()) {
                    World.User who = caller.of(world);
                    cells.add(DynamicTest.dynamicTest(path + " by " + caller.label() + " (" + who.role() + ")", () -> {
                        Reply reply = gateway.get(path, who.token());
                        if (route.access() != Access.USER) {
                            Problems.assertProblem(reply, 404, "not-found");
                        } else if (!route.allows(who.role())) {
                            Problems.assertProblem(reply, 403, "role.forbidden");
                        } else {
                            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
                        }
                        assertThat(reply.text()).as("no id of A's in %s", reply)
                                .doesNotContain(world.privateIdsOfA().toArray(String[]::new));
                    }));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(operation.key(), cells));
        }
        return nodes.stream();
    }

    @TestFactory
    Stream<DynamicNode> nobodyElseActsForTheOwnersPeople() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Operation operation : routes.operations()) {
            Route route = RouteBook.find(operation.key()).orElse(null);
            if (route == null || route.references().isEmpty()) {
                continue;
            }
            route.references().forEach((caller, naming) -> nodes.add(DynamicTest.dynamicTest(
                    operation.key() + " by " + caller.label() + " naming A's people", () -> {
                        World.User who = caller.of(world);
                        Object body = naming.apply(world);
                        Reply reply = gateway.send(Request.to(operation.method(), operation.path(Map.of()))
                                .token(who.token()).json(body));
                        Problems.assertProblem(reply, 422, "relationship.required");
                    })));
        }
        return nodes.stream();
    }

    private static Reply send(Operation operation, Route route, Map<String, String> values, String token) {
        String query = route.query() == null ? "" : route.query().apply(world);
        Request request = Request.to(operation.method(), BadRequests.withQuery(operation.path(values), query))
                .token(token);
        if (operation.hasBody()) {
            request = request.json(route.body().apply(world));
        }
        return gateway.send(request);
    }

    private static Reply readBack(Route route, Map<String, String> values) {
        if (route.access() == Access.INTERNAL) {
            // a lookup of A's user: what A reads of itself
            return gateway.get("/api/users/me", world.a.token());
        }
        String template = route.readBack();
        if (template == null) {
            throw new AssertionError(route.key() + ": give its RouteBook entry readBack(\"GET ...\"), the read by"
                    + " which A sees the resource unchanged");
        }
        String path = template.substring(template.indexOf(' ') + 1);
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return gateway.get(path, world.a.token());
    }

    /** The answer with the ids the caller sent taken out, so that two answers can be compared. */
    private static JsonNode withoutIds(Reply reply, Map<String, String> ids) {
        String text = reply.text();
        for (String id : ids.values()) {
            text = text.replace(id, "{id}");
        }
        return text.isBlank() ? Api.JSON.missingNode() : Api.JSON.readTree(text);
    }
}
