package dev.failoverlab.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 seeded random and mutated bodies at every route of a real server (fake agent that validates like the
 * real one): never a 5xx, every 4xx carries {@code error} and {@code field}, and both outcomes occur.
 */
final class HttpFuzzTest {
    private static final int CASES = 10_000;
    private static final long SEED = 20_261_204L;

    @Test
    void randomAndMutatedBodiesNeverCauseA5xx() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> seeds = new LinkedHashMap<>();
        for (RunbookCurls.Curl c : RunbookCurls.load()) {
            seeds.put(c.path(), json.readTree(c.body()));
        }
        FuzzBodies bodies = new FuzzBodies(seeds);
        List<String> routes = AgentRoutes.ROUTES.stream().map(AgentRoutes.Route::path).toList();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(SEED);
        try (AgentServer server = AgentServer.start(realAgent(),
                ServerOptions.defaults().withAddress("127.0.0.1", 0).withRequestLog(line -> { }))) {
            HttpTestClient client = new HttpTestClient(server.port());
            for (int i = 0; i < CASES; i++) {
                String path = routes.get(i % routes.size());
                FuzzBodies.Body body = bodies.next(path, rnd);
                HttpResponse<String> r = client.post(path, body.contentType(), body.bytes());
                int status = r.statusCode();
                byStatus.merge(status, 1, Integer::sum);
                byKind.computeIfAbsent(body.kind(), k -> new int[6])[status / 100]++;
                if (status >= 500 && failures.size() < 5) {
                    failures.add(path + " " + status + " " + r.body() + " <- " + bodies.describe(body));
                }
                if (status >= 400 && status < 500) {
                    JsonNode error = json.readTree(r.body());
                    if (!error.path("error").isTextual() || !error.has("field")) {
                        failures.add(path + " " + status + " without {error, field}: " + r.body());
                    }
                }
            }
        }
        int ok = count(byStatus, 2);
        int client = count(byStatus, 4);
        int server = count(byStatus, 5);
        System.out.printf(Locale.ROOT, "fuzz: %d cases seed %d -> 2xx %d, 4xx %d, 5xx %d; by status %s%n",
                CASES, SEED, ok, client, server, byStatus);
        byKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "fuzz:   %-18s 2xx %5d  4xx %5d  5xx %d%n",
                k, v[2], v[4], v[5]));
        assertThat(failures).isEmpty();
        assertThat(server).isZero();
        assertThat(ok).isPositive();
        assertThat(client).isPositive();
        assertThat(ok + client).isEqualTo(CASES);
    }

    /**
     * The real agent (all five endpoints, with their validation and their brains) over a fake cluster with 20 scrape
     * intervals of history; its actions are refused, so valid bodies that ask to execute leave the cluster alone.
     */
    private static dev.failoverlab.agent.api.AgentApi realAgent() {
        var cluster = new dev.failoverlab.agent.brain.fake.HealthFakeCluster(SEED);
        cluster.ticks(20);
        dev.failoverlab.agent.port.Actuator readOnly = new dev.failoverlab.agent.port.Actuator() {
            @Override
            public dev.failoverlab.agent.port.ActionResult scale(String d, int r, String why) {
                return dev.failoverlab.agent.port.ActionResult.refused("fuzz: read-only cluster");
            }

            @Override
            public dev.failoverlab.agent.port.ActionResult setTrafficSplit(Map<String, Integer> p, String why) {
                return dev.failoverlab.agent.port.ActionResult.refused("fuzz: read-only cluster");
            }

            @Override
            public dev.failoverlab.agent.port.ActionResult switchSelector(String c, String why) {
                return dev.failoverlab.agent.port.ActionResult.refused("fuzz: read-only cluster");
            }
        };
        return new dev.failoverlab.agent.brain.FailoverAgent(cluster, readOnly, cluster::now,
                dev.failoverlab.agent.config.AgentConfig.defaults(),
                new dev.failoverlab.agent.learn.Learner(new dev.failoverlab.agent.learn.InMemoryEpisodeLog(2_000)));
    }

    private static int count(Map<Integer, Integer> byStatus, int hundreds) {
        return byStatus.entrySet().stream().filter(e -> e.getKey() / 100 == hundreds)
                .mapToInt(Map.Entry::getValue).sum();
    }
}
