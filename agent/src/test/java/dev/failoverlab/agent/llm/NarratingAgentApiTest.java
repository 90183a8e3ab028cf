package dev.failoverlab.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.BadRequestException;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.http.FakeAgentApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Narratives are kept only when every number is in the evidence; otherwise the answer stays deterministic. */
final class NarratingAgentApiTest {
    private static final EvaluateRequest EVALUATE = new EvaluateRequest("assess_deployment_health", null, null);
    private final List<String> log = new ArrayList<>();

    private NarratingAgentApi api(Narrator narrator) {
        return new NarratingAgentApi(new FakeAgentApi(), narrator, log::add);
    }

    @Test
    void anAcceptedNarrativeChangesTheModeToTheModel() {
        AgentResponse r = api((endpoint, response) -> Optional.of(new Narration(
                "Blue's p95 is 180 ms against 45 ms on green, so move 30% of traffic to green.", "test-model", 200, 40)))
                .evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("llm:test-model");
        assertThat(r.narrative()).startsWith("Blue's p95 is 180 ms");
        assertThat(log).containsExactly("llm narration accepted endpoint=/evaluate model=test-model "
                + "prompt_tokens=200 completion_tokens=40");
    }

    @Test
    void anInventedNumberKeepsTheAnswerDeterministicAndTheLogSaysWhich() {
        AgentResponse r = api((endpoint, response) -> Optional.of(new Narration(
                "Blue serves 1,200 sessions badly; shift 30% to green.", "test-model", 200, 40))).evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("deterministic");
        assertThat(r.narrative()).isNull();
        assertThat(log).containsExactly("llm narration rejected endpoint=/evaluate model=test-model "
                + "reason=\"numbers not in the evidence: [1,200]\"; the response stays deterministic");
    }

    @Test
    void noNarrationOrAFailingNarratorLeavesTheAnswerAlone() {
        assertThat(api((e, r) -> Optional.empty()).evaluate(EVALUATE).mode()).isEqualTo("deterministic");
        AgentResponse r = api((e, resp) -> {
            throw new IllegalStateException("boom");
        }).evaluate(EVALUATE);
        assertThat(r.mode()).isEqualTo("deterministic");
        assertThat(log).containsExactly("llm narration failed endpoint=/evaluate reason=\"IllegalStateException\"; "
                + "the response stays deterministic");
    }

    @Test
    void invalidRequestsFailBeforeAnyNarration() {
        List<String> asked = new ArrayList<>();
        NarratingAgentApi api = api((endpoint, response) -> {
            asked.add(endpoint);
            return Optional.empty();
        });
        assertThatThrownBy(() -> api.analyze(new AnalyzeRequest("guess", null, null)))
                .isInstanceOf(BadRequestException.class);
        assertThat(asked).isEmpty();
    }
}
