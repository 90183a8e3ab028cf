package dev.failoverlab.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.evidence.NumbersInEvidence;
import dev.failoverlab.agent.http.AgentServer;
import dev.failoverlab.agent.http.RunbookCurls;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.sim.LiveLoad;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runbook's five curl bodies, verbatim, against the real agent wired to the live demo cluster: each answers
 * 200 with the runbook's top-level keys, an evidence section, and every number it prints found in that evidence.
 * Then blue is patched as in step 7 and the agent, asked as in step 7, moves traffic to green.
 */
final class RunbookOnDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> RUNBOOK_KEYS = Map.of(
            "/analyze", List.of("analysis", "current_metrics", "prediction", "recommendation", "reasoning"),
            "/evaluate", List.of("assessment", "recommendation", "business_impact", "cost_impact"),
            "/failover-assessment", List.of("failover_assessment"),
            "/optimize", List.of("optimization_analysis"),
            "/insights", List.of("learning_summary"));

    private volatile long wall;
    private AgentServer server;

    private void advance(DemoSession session, Duration by) {
        for (long s = 0; s < by.toSeconds(); s += 5) {
            wall += 5_000_000_000L;
            session.live().advance();
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFiveRunbookBodiesAnswerWithEvidenceAndStepSevenMovesTraffic() throws Exception {
        Scenario builtin = DemoScenarios.builtin();
        DemoAgentFrontend capturing = (v, a, c, s) -> {
            AutoCloseable handle = DemoAgentFrontends.standard().start(v, a, c, s);
            server = (AgentServer) handle;
            return handle;
        };
        DemoSession.Config config = new DemoSession.Config(builtin, new LiveLoad.Constant(400), 1, 7, 0, 0,
                capturing, () -> wall, Duration.ofMillis(10));
        try (DemoSession session = DemoSession.start(config, new PrintStream(PrintStream.nullOutputStream()))) {
            advance(session, Duration.ofMinutes(4));
            for (RunbookCurls.Curl curl : RunbookCurls.load()) {
                HttpResponse<String> r = post(curl.path(), curl.contentType(), curl.body());
                assertThat(r.statusCode()).as(curl.path() + ": " + r.body()).isEqualTo(200);
                JsonNode json = JSON.readTree(r.body());
                assertThat(json.fieldNames()).toIterable().as(curl.path())
                        .containsAll(RUNBOOK_KEYS.get(curl.path())).contains("evidence", "mode");
                assertThat(json.path("mode").asText()).isEqualTo("deterministic");
                NumbersInEvidence.assertAllInEvidence(json);
            }

            // step 7: 40 % slow + 5 % errors on blue, rolled out; then the runbook's assessment
            HttpResponse<String> patch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(session.controlUrl() + "/control/patch"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"deployment\":\"web-blue\",\"env\":{\"SLOW_REQUESTS\":\"40\",\"RANDOM_ERRORS\":\"5\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
            advance(session, Duration.ofSeconds(90));
            String step7 = RunbookCurls.load().stream().filter(c -> c.path().equals("/failover-assessment"))
                    .findFirst().orElseThrow().body();
            JsonNode first = JSON.readTree(post("/failover-assessment", "application/json", step7).body());
            advance(session, Duration.ofSeconds(30));
            JsonNode second = JSON.readTree(post("/failover-assessment", "application/json", step7).body());
            NumbersInEvidence.assertAllInEvidence(second);
            String decisions = first.path("failover_assessment").path("recommendation").asText() + " / "
                    + second.path("failover_assessment").path("recommendation").asText();
            double greenShare = session.live().view().routing().share("green");
            assertThat(greenShare).as("green's share after step 7 (%s)", decisions).isGreaterThan(0.5);
        }
    }
}
