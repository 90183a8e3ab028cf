package dev.failoverlab.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.http.AgentJson;
import dev.failoverlab.agent.http.FakeAgentApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** openai-java against a local fake endpoint: accepted text, invented numbers, server errors and timeouts. */
final class OpenAiNarratorTest {
    private static final String KEY = "sk-test-0123456789abcdef";
    private static final EvaluateRequest EVALUATE = new EvaluateRequest("assess_deployment_health", null, null);

    private final List<String> log = new CopyOnWriteArrayList<>();
    private FakeOpenAiEndpoint endpoint;
    private OpenAiNarrator narrator;
    private NarratingAgentApi api;

    @BeforeEach
    void start() throws Exception {
        endpoint = new FakeOpenAiEndpoint();
        LlmSettings settings = new LlmSettings(endpoint.baseUrl(), "test-model", KEY, Duration.ofMillis(500), 300);
        narrator = new OpenAiNarrator(settings, AgentJson.mapper(), log::add);
        api = new NarratingAgentApi(new FakeAgentApi(), narrator, log::add);
    }

    @AfterEach
    void stop() {
        narrator.close();
        endpoint.close();
    }

    @Test
    void anExplanationWithEvidencedNumbersIsKept() throws Exception {
        endpoint.answer("Blue's p95 of 180 ms is four times green's 45 ms, so shift 30% of traffic to green.");
        AgentResponse r = api.evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("deterministic");
        assertThat(log).singleElement().asString().contains("rejected", "[four]");

        log.clear();
        endpoint.answer("Blue's p95 of 180 ms is far above green's 45 ms, so shift 30% of traffic to green.");
        r = api.evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("llm:test-model");
        assertThat(r.narrative()).isEqualTo("Blue's p95 of 180 ms is far above green's 45 ms, so shift 30% of "
                + "traffic to green.");
        assertThat(log).containsExactly("llm narration accepted endpoint=/evaluate model=test-model "
                + "prompt_tokens=321 completion_tokens=42");

        FakeOpenAiEndpoint.Seen request = endpoint.seen.get(1);
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText())
                .contains("Endpoint: /evaluate", "\"p95_latency_ms\"", "Gradual traffic shift (30% to green)");
    }

    @Test
    void anInventedNumberIsRejected() {
        endpoint.answer("Shifting 30% to green will improve user satisfaction by 12%.");
        AgentResponse r = api.evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("deterministic");
        assertThat(r.narrative()).isNull();
        assertThat(log).containsExactly("llm narration rejected endpoint=/evaluate model=test-model "
                + "reason=\"numbers not in the evidence: [12%]\"; the response stays deterministic");
    }

    @Test
    void aServerErrorDegradesToTheDeterministicAnswer() {
        endpoint.fail();
        AgentResponse r = api.evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("deterministic");
        assertThat(endpoint.seen).hasSize(1);
        assertThat(log).singleElement().asString()
                .startsWith("llm narration skipped endpoint=/evaluate model=test-model wall_ms=")
                .endsWith("reason=\"the endpoint answered HTTP 500\"; the response stays deterministic");
    }

    @Test
    void aTimeoutDegradesToTheDeterministicAnswer() {
        endpoint.hang();
        AgentResponse r = api.evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("deterministic");
        assertThat(log).singleElement().asString().contains("reason=\"no answer within the timeout");
    }

    @Test
    void theKeyNeverAppearsInLogsOrSettings() {
        endpoint.fail();
        api.evaluate(EVALUATE);
        endpoint.answer("Invented 99 things.");
        api.evaluate(EVALUATE);
        assertThat(log).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain(KEY));
        LlmSettings settings = new LlmSettings("http://user:pw@127.0.0.1:1/v1?x=1", "m", KEY, Duration.ofSeconds(1), 300);
        assertThat(settings.toString()).doesNotContain(KEY, "pw").contains("apiKey=***", "http://127.0.0.1:1/v1");
    }
}
