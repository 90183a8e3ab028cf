package dev.failoverlab.agent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.http.FakeAgentApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up paths of the runnable agent: help, bad configuration, no adapter, and a wired agent serving. */
final class AgentMainTest {
    private static final String KEY = "sk-test-abcdef0123456789";

    /** Wiring in code, as the brain's tests and embedders will do. */
    private static final class InCodeFactory implements AgentApiFactory {
        ServiceContext seen;

        @Override
        public String name() {
            return "fake cluster";
        }

        @Override
        public AgentApi create(ServiceContext context) {
            seen = context;
            return new FakeAgentApi();
        }

        @Override
        public Map<String, String> sources() {
            return Map.of("prometheus", "http://prometheus:9090");
        }
    }

    @Test
    void helpPrintsTheUsageAndStartsNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AgentMain.launch(new String[] {"--help"}, Map.of(), Optional.empty(),
                new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: failover-agent").contains("--audit-log");
    }

    @Test
    void withoutAClusterAdapterTheAgentSaysSoInOneLine() {
        assertThatThrownBy(() -> AgentMain.launch(new String[0], Map.of(), Optional.empty(), System.out))
                .isInstanceOf(StartupException.class)
                .satisfies(e -> {
                    assertThat(((StartupException) e).exitCode()).isEqualTo(StartupException.UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("no cluster adapter in this build").doesNotContain("\n");
                });
    }

    @Test
    void configurationErrorsComeBeforeTheMissingAdapter() {
        assertThatThrownBy(() -> AgentMain.launch(new String[] {"--port", "x"}, Map.of(), Optional.empty(), System.out))
                .hasMessageStartingWith("--port / AGENT_PORT");
    }

    @Test
    void aWiredAgentServesHealthAndTheRunbookAndGuardsWithTheConfiguredRules(@TempDir Path dir) throws Exception {
        InCodeFactory factory = new InCodeFactory();
        Path audit = dir.resolve("audit.jsonl");
        String[] args = {"--host", "127.0.0.1", "--port", "0", "--dry-run", "--audit-log", audit.toString(),
                "--llm-model", "test-model", "--llm-base-url", "http://127.0.0.1:9/v1", "--llm-timeout", "300ms"};
        try (AgentService service = AgentMain.launch(args, Map.of("OPENAI_API_KEY", KEY), Optional.of(factory),
                System.out)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + service.port();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).doesNotContain(KEY);
            JsonNode sources = new ObjectMapper().readTree(health.body()).path("sources");
            assertThat(sources.path("cluster").asText()).isEqualTo("fake cluster");
            assertThat(sources.path("prometheus").asText()).isEqualTo("http://prometheus:9090");
            assertThat(sources.path("llm").asText()).isEqualTo("test-model at http://127.0.0.1:9/v1");
            assertThat(sources.path("actions").asText()).isEqualTo("dry-run");
            assertThat(sources.path("audit_log").asText()).isEqualTo(audit.toString());

            HttpResponse<String> insights = http.send(HttpRequest.newBuilder(URI.create(base + "/insights"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"summarize_learnings\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(insights.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(insights.body()).path("mode").asText())
                    .as("nothing listens on the LLM port, so the answer stays deterministic")
                    .isEqualTo("deterministic");

            assertThat(factory.seen.config().guard().dryRun()).isTrue();
            assertThat(factory.seen.config().guard().auditLog()).isEqualTo(audit);
            assertThat(Files.exists(audit)).as("audit log opened at start-up").isTrue();
        }
    }

    @Test
    void anUnusablePortIsAOneLineStartupError() throws Exception {
        InCodeFactory factory = new InCodeFactory();
        try (AgentService first = AgentMain.launch(new String[] {"--host", "127.0.0.1", "--port", "0"}, Map.of(),
                Optional.of(factory), System.out)) {
            String taken = Integer.toString(first.port());
            assertThatThrownBy(() -> AgentMain.launch(new String[] {"--host", "127.0.0.1", "--port", taken}, Map.of(),
                    Optional.of(factory), System.out))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("cannot start on 127.0.0.1:" + taken);
        }
    }
}
