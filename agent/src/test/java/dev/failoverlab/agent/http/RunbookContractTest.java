package dev.failoverlab.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The runbook's curl commands, replayed verbatim, get a 200 with evidence and mode from every route. */
final class RunbookContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestServer RUNNING = new TestServer(new FakeAgentApi());

    @Test
    void theFiveRunbookQueriesAreAnsweredWith200() throws Exception {
        List<RunbookCurls.Curl> curls = RunbookCurls.load();
        assertThat(curls).extracting(RunbookCurls.Curl::path)
                .containsExactly("/analyze", "/evaluate", "/failover-assessment", "/optimize", "/insights");
        for (RunbookCurls.Curl curl : curls) {
            HttpResponse<String> r = RUNNING.client.post(curl.path(), curl.contentType(),
                    curl.body().getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(curl.path() + " -> " + r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/json"));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("endpoint").asText()).isEqualTo(curl.path());
            assertThat(body.path("mode").asText()).isEqualTo("deterministic");
            assertThat(body.path("evidence").has("measurements")).isTrue();
        }
    }

    @Test
    void theAnalyzeBodyCarriesTheExpandedServiceUrl() {
        RunbookCurls.Curl analyze = RunbookCurls.load().get(0);
        assertThat(analyze.body()).contains("\"service_url\": \"" + RunbookCurls.DEMO_URL + "\"")
                .doesNotContain("$DEMO_URL");
    }

    @Test
    void optimizeUsesTheRunbooksTwiceNormalLoad() throws Exception {
        RunbookCurls.Curl optimize = RunbookCurls.load().get(3);
        JsonNode body = JSON.readTree(RUNNING.client.postJson(optimize.path(), optimize.body()).body());
        assertThat(body.path("recommendation").asText()).isEqualTo("Plan 5 replicas for 800 rps");
        assertThat(RUNNING.log).anySatisfy(line -> assertThat(line)
                .startsWith("endpoint=\"POST /optimize\" status=200 recommendation=\"Plan 5 replicas for 800 rps\"")
                .contains("mode=deterministic", "measurements=1", "models=1", "outputs=\"capacity.expected_rps=800,capacity.replicas_total=5\"",
                        "wall_ms="));
    }

    @Test
    void healthSaysOkAndListsTheConfiguredSources() throws Exception {
        try (AgentServer s = AgentServer.start(new FakeAgentApi(), ServerOptions.defaults()
                .withAddress("127.0.0.1", 0).withSources(Map.of("cluster", "fake", "llm", "none")))) {
            HttpResponse<String> r = new HttpTestClient(s.port()).send("GET", "/health");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.path("sources").path("cluster").asText()).isEqualTo("fake");
            assertThat(body.path("sources").path("llm").asText()).isEqualTo("none");
        }
    }
}
