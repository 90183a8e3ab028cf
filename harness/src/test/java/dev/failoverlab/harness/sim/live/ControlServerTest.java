package dev.failoverlab.harness.sim.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.harness.sim.LiveStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API over real HTTP on an ephemeral loopback port. */
final class ControlServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Runbook step 7's patch body, verbatim. */
    static final String STEP7_PATCH = """
            {
              "spec": {
                "template": {
                  "spec": {
                    "containers": [{
                      "name": "web",
                      "env": [
                        {"name": "SLOW_REQUESTS", "value": "40"},
                        {"name": "RANDOM_ERRORS", "value": "5"}
                      ]
                    }]
                  }
                }
              }
            }""";

    private final LiveFixtures fixture = new LiveFixtures(100);
    private final ByteArrayOutputStream serverErrors = new ByteArrayOutputStream();
    private final HttpClient client = HttpClient.newHttpClient();
    private ControlServer server;

    private record Reply(int status, String body, JsonNode json) {
    }

    @BeforeEach
    void start() throws IOException {
        server = ControlServer.start(fixture.live, 0, new PrintStream(serverErrors, true, StandardCharsets.UTF_8));
        fixture.run(10);
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(serverErrors.toString(StandardCharsets.UTF_8)).as("no 500s").isEmpty();
    }

    private Reply call(String method, String path, String body, boolean text) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", text ? "text/plain" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = text ? null : JSON.readTree(r.body());
        return new Reply(r.statusCode(), r.body(), json);
    }

    private Reply post(String path, String body) throws Exception {
        return call("POST", path, body, false);
    }

    private Reply get(String path) throws Exception {
        return call("GET", path, null, false);
    }

    @Test
    void statusAsJsonAndAsOneLine() throws Exception {
        Reply json = get("/control/status");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("namespace").asText()).isEqualTo(LiveFixtures.NAMESPACE);
        assertThat(json.json().get("offeredRps").asDouble()).isEqualTo(100);
        assertThat(json.json().get("selector").get("color").asText()).isEqualTo("blue");
        JsonNode blue = json.json().get("deployments").get(0);
        assertThat(blue.get("name").asText()).isEqualTo("web-blue");
        assertThat(blue.get("readyReplicas").asInt()).isEqualTo(2);
        assertThat(blue.get("pods")).hasSize(2);
        assertThat(blue.get("pods").get(0).get("status").asText()).isEqualTo("Running");
        Reply line = call("GET", "/control/status", null, true);
        assertThat(line.body().strip().lines()).hasSize(1);
        assertThat(line.body()).startsWith("[00:00:10] load 100 rps").contains("blue 2/2 ready");
    }

    @Test
    void patchInTheApisShapeStartsARollout() throws Exception {
        Reply r = post("/control/patch", "{\"deployment\":\"web-blue\",\"env\":{\"SLOW_REQUESTS\":\"20\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("changed").asBoolean()).isTrue();
        assertThat(r.json().get("message").asText()).isEqualTo("deployment.apps/web-blue patched");
        assertThat(r.json().get("rollout").get("complete").asBoolean()).isFalse();
        assertThat(fixture.live.rollout("web-blue").complete()).isFalse();
    }

    @Test
    void patchInKubectlsShapeWithTheDeploymentInTheQuery() throws Exception {
        String path = "/control/patch?deployment=web-blue&namespace=" + LiveFixtures.NAMESPACE;
        Reply r = post(path, STEP7_PATCH);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("env").get("SLOW_REQUESTS").asText()).isEqualTo("40");
        assertThat(r.json().get("env").get("RANDOM_ERRORS").asText()).isEqualTo("5");
        Reply again = call("POST", path, STEP7_PATCH, true);
        assertThat(again.body()).isEqualTo("deployment.apps/web-blue patched (no change)\n");
        fixture.run(60);
        LiveStatus.Deployment blue = fixture.live.status().deployment("web-blue");
        assertThat(blue.appKnobs()).containsEntry("SLOW_REQUESTS", 40.0).containsEntry("RANDOM_ERRORS", 5.0);
        assertThat(blue.rolloutComplete()).isTrue();
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        String kubectl = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"%s\",\"env\":[{\"name\":"
                + "\"SLOW_REQUESTS\",\"value\":%s}]}]}}}}";
        record Case(String method, String path, String body, int status, String message) {
        }
        List<Case> cases = List.of(
                new Case("POST", "/control/patch", "{\"env\":{\"SLOW_REQUESTS\":\"20\"}}", 400, "deployment: missing"),
                new Case("POST", "/control/patch?deployment=web-purple", "{\"env\":{\"A\":\"1\"}}", 400,
                        "deployment: unknown deployment 'web-purple' (known: web-blue, web-green)"),
                new Case("POST", "/control/patch?deployment=web-blue", kubectl.formatted("nginx", "\"20\""), 400,
                        "spec.template.spec.containers[0].name: the demo's pods have one container, 'web'"),
                new Case("POST", "/control/patch?deployment=web-blue", kubectl.formatted("web", "true"), 400,
                        "spec.template.spec.containers[0].env[0].value: must be a string such as \"20\""),
                new Case("POST", "/control/patch?deployment=web-blue", kubectl.formatted("web", "\"120\""), 400,
                        "env.SLOW_REQUESTS: '120' is out of range"),
                new Case("POST", "/control/patch?deployment=web-blue", "{\"spec\":{\"replicas\":3}}", 400,
                        "spec.replicas: unknown key; allowed: template"),
                new Case("POST", "/control/patch?deployment=web-blue", "{\"env\":{\"X\":1},\"image\":\"x\"}", 400,
                        "image: unknown key; allowed: deployment, env"),
                new Case("POST", "/control/patch", "not json", 400, "body: not valid JSON"),
                new Case("POST", "/control/patch", "[]", 400, "body: must be a JSON object"),
                new Case("POST", "/control/patch", "", 400, "body: empty"),
                new Case("POST", "/control/load", "{\"rps\":-5}", 400, "rps: must be a rate"),
                new Case("POST", "/control/load", "{\"rps\":\"400\"}", 400, "rps: must be a number"),
                new Case("POST", "/control/load", "{\"rps\":100,\"to\":5}", 400, "body: give either rps or"),
                new Case("POST", "/control/load", "{\"to\":800}", 400, "over_seconds: missing"),
                new Case("POST", "/control/load", "{\"rps\":400,\"speed\":2}", 400,
                        "speed: unknown key; allowed: from, over_seconds, rps, to"),
                new Case("POST", "/control/scale", "{\"deployment\":\"web-green\",\"replicas\":2.5}", 400,
                        "replicas: must be a whole number"),
                new Case("POST", "/control/scale", "{\"deployment\":\"web-green\"}", 400, "replicas: missing"),
                new Case("POST", "/control/scale", "{\"deployment\":\"web-green\",\"replicas\":1000}", 400,
                        "replicas: must be between 0 and 100"),
                new Case("POST", "/control/kill", "{\"deployment\":\"web-blue\",\"count\":0}", 400, "count:"),
                new Case("POST", "/control/crashloop", "{\"deployment\":\"web-blue\",\"enabled\":\"yes\"}", 400,
                        "enabled: must be true or false"),
                new Case("GET", "/control/status?namespace=default", null, 400,
                        "namespace: 'default' is not the demo's namespace (mcp-failover-clean)"),
                new Case("GET", "/control/selector?service=api", null, 400, "service: 'api' is not the demo's Service"),
                new Case("GET", "/control/rollout-status", null, 400, "deployment: missing"),
                new Case("GET", "/control/rollout-status?deployment=web-blue&timeout=soon", null, 400, "timeout:"),
                new Case("GET", "/control/rollout-status?deployment=nope", null, 400, "deployment: unknown deployment"),
                new Case("GET", "/control/events?since=-1", null, 400, "since: must be a whole number >= 0"),
                new Case("GET", "/control/nope", null, 404, "no route /control/nope; routes: /control/status"),
                new Case("GET", "/control/patch", null, 405, "GET /control/patch is not supported; use POST"));
        for (Case c : cases) {
            Reply r = call(c.method(), c.path(), c.body(), false);
            assertThat(r.status()).as(c.path() + " " + c.body() + " → " + r.body()).isEqualTo(c.status());
            assertThat(r.json().get("error").asText()).as(c.path() + " " + c.body()).startsWith(c.message());
        }
        Reply text = call("POST", "/control/scale", "{\"deployment\":\"web-green\"}", true);
        assertThat(text.body()).isEqualTo("error: replicas: missing\n");
        assertThat(fixture.live.rollout("web-blue").complete()).as("nothing bad was applied").isTrue();
        assertThat(fixture.live.status().deployment("web-green").specReplicas()).isEqualTo(1);
    }

    @Test
    void loadScaleKillAndCrashLoopTakeEffect() throws Exception {
        assertThat(post("/control/load", "{\"rps\":400}").json().get("offeredRps").asDouble()).isEqualTo(400);
        Reply ramp = post("/control/load", "{\"to\":800,\"over_seconds\":100}");
        assertThat(ramp.json().get("load").asText()).isEqualTo("ramp 400→800 rps over 100 s");
        fixture.run(50);
        assertThat(fixture.live.status().offeredRps()).isCloseTo(600, org.assertj.core.data.Offset.offset(1e-6));

        Reply scaled = post("/control/scale", "{\"deployment\":\"web-green\",\"replicas\":3}");
        assertThat(scaled.json().get("message").asText()).isEqualTo("deployment.apps/web-green scaled");
        assertThat(post("/control/scale", "{\"deployment\":\"web-green\",\"replicas\":3}").json().get("applied")
                .asBoolean()).isFalse();
        assertThat(fixture.live.status().deployment("web-green").specReplicas()).isEqualTo(3);

        Reply killed = call("POST", "/control/kill", "{\"deployment\":\"web-blue\"}", true);
        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.body()).matches("pod \"web-blue-[a-z0-9]+-[a-z0-9]+\" deleted\n");

        assertThat(post("/control/crashloop", "{\"deployment\":\"web-blue\",\"enabled\":true}").json().get("applied")
                .asBoolean()).isTrue();
        fixture.run(5);
        Reply none = post("/control/kill", "{\"deployment\":\"web-blue\"}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("error").asText()).isEqualTo("deployment: web-blue has no ready pod to kill");
        assertThat(post("/control/crashloop", "{\"deployment\":\"web-blue\",\"enabled\":false}").json()
                .get("applied").asBoolean()).isTrue();
    }

    @Test
    void rolloutStatusStreamsKubectlsLinesUntilTheRolloutCompletes() throws Exception {
        post("/control/patch?deployment=web-blue", "{\"env\":{\"SLOW_REQUESTS\":\"20\"}}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url()
                + "/control/rollout-status?deployment=deployment/web-blue&namespace=" + LiveFixtures.NAMESPACE)).build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            response.body().forEach(lines::add);
            lines.add("<end>");
        });
        reader.start();
        List<String> seen = new ArrayList<>();
        seen.add(lines.poll(10, TimeUnit.SECONDS)); // the state before any step: the first new pod is pending
        assertThat(seen.get(0)).isEqualTo(
                "Waiting for deployment \"web-blue\" rollout to finish: 1 out of 2 new replicas have been updated...");
        for (int second = 0; second < 300 && !seen.contains("<end>"); second++) {
            fixture.step();
            lines.drainTo(seen);
        }
        while (!seen.contains("<end>")) { // the model is done; the handler may still be writing
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("the stream ends after the rollout completes").isNotNull();
            seen.add(line);
        }
        seen.remove("<end>");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("deployment \"web-blue\" successfully rolled out");
        assertThat(seen).allSatisfy(l -> assertThat(l).matches("Waiting for deployment \"web-blue\" rollout to finish: .*"
                + "|deployment \"web-blue\" successfully rolled out"));
        assertThat(fixture.live.rollout("web-blue").complete()).isTrue();
        reader.join(5000);
    }

    @Test
    void rolloutStatusGivesUpAtItsTimeout() throws Exception {
        post("/control/patch?deployment=web-blue", "{\"env\":{\"SLOW_REQUESTS\":\"20\"}}");
        Reply r = call("GET", "/control/rollout-status?deployment=web-blue&timeout=50ms", null, true);
        assertThat(r.status()).isEqualTo(200); // streamed: the verdict is the last line, as kubectl prints it
        assertThat(r.body().lines().toList()).last().isEqualTo("error: timed out waiting for the condition");
    }

    @Test
    void podsSelectorEventsAndTheIndex() throws Exception {
        Reply pods = call("GET", "/control/pods", null, true);
        List<String> rows = pods.body().lines().toList();
        assertThat(rows.get(0)).startsWith("NAME").contains("READY").contains("STATUS").contains("RESTARTS")
                .endsWith("AGE");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).matches("web-blue-\\S+\\s+1/1\\s+Running\\s+0\\s+10s");
        assertThat(get("/control/pods").json().get("pods")).hasSize(3);

        assertThat(call("GET", "/control/selector?service=web", null, true).body())
                .isEqualTo("{\"app\":\"web\",\"color\":\"blue\"}\n");
        fixture.live.actuator("agent").switchSelector("green", "test");
        assertThat(get("/control/selector").json().get("color").asText()).isEqualTo("green");

        JsonNode events = get("/control/events").json();
        assertThat(events.get("next").asInt()).isEqualTo(1);
        assertThat(events.get("events").get(0).get("source").asText()).isEqualTo("agent");
        assertThat(events.get("events").get(0).get("kind").asText()).isEqualTo("SELECTOR");
        assertThat(get("/control/events?since=1").json().get("events")).isEmpty();
        assertThat(call("GET", "/control/events", null, true).body())
                .isEqualTo("[00:00:10] agent SELECTOR green: test\n");

        Reply index = call("GET", "/control", null, true);
        assertThat(index.body()).contains("POST /control/patch").contains("GET /control/rollout-status");
    }
}
