package dev.failoverlab.agent.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.api.Phrases;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.Locale;

/**
 * An {@link AgentApi} that validates exactly like the real one (the request records' {@code validated()} and the
 * phrase parsers) and answers with a small evidence-backed response, so HTTP tests exercise the real input rules.
 */
public final class FakeAgentApi implements AgentApi {

    /** A response shaped like the brain's: a runbook key, evidence, mode, narrative. */
    public record FakeResponse(
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("recommendation") String recommendation,
            @JsonProperty("evidence") Evidence evidence,
            @JsonProperty("mode") String mode,
            @JsonProperty("narrative") String narrative) implements AgentResponse {

        @Override
        public AgentResponse withNarrative(String text, String newMode) {
            return new FakeResponse(endpoint, recommendation, evidence, newMode, text);
        }
    }

    @Override
    public AgentResponse analyze(AnalyzeRequest request) {
        double horizon = request.validated().horizonSeconds();
        Evidence e = new Evidence();
        e.measure("request_rate_rps", "service", "5m", 412.5, "rps", "prometheus");
        e.model("holt_linear").parameter("horizon_s", horizon).output("forecast_rps", 480)
                .output("p_cpu_over_target", 0.7).add();
        return response("/analyze", "Scale web-blue to 3 replicas within 5 minutes", e);
    }

    @Override
    public AgentResponse evaluate(EvaluateRequest request) {
        request.validated();
        Evidence e = new Evidence();
        e.measure("p95_latency_ms", "blue", "1m", 180, "ms", "prometheus");
        e.measure("p95_latency_ms", "green", "1m", 45, "ms", "prometheus");
        e.model("traffic_split").output("green_share", 0.3).add();
        return response("/evaluate", "Gradual traffic shift (30% to green)", e);
    }

    @Override
    public AgentResponse failoverAssessment(FailoverAssessmentRequest request) {
        request.validated();
        Evidence e = new Evidence();
        e.measure("error_rate", "blue", "1m", 0.048, "ratio", "prometheus");
        return response("/failover-assessment", "Immediate traffic switch to green", e);
    }

    @Override
    public AgentResponse optimize(OptimizeRequest request) {
        request.validated();
        double load = 400;
        if (request.currentScenario() != null && request.currentScenario().expectedLoad() != null) {
            load = Phrases.load("current_scenario.expected_load",
                    request.currentScenario().expectedLoad()).resolve(400);
        }
        Evidence e = new Evidence();
        e.measure("request_rate_rps", "service", "5m", 400, "rps", "prometheus");
        e.model("capacity").output("expected_rps", load).output("replicas_total", 5).add();
        return response("/optimize", String.format(Locale.ROOT, "Plan 5 replicas for %.0f rps", load), e);
    }

    @Override
    public AgentResponse insights(InsightsRequest request) {
        request.validated();
        Evidence e = new Evidence();
        e.missing("episode-store: no episodes yet");
        return response("/insights", "Not enough episodes to learn from yet", e);
    }

    private static AgentResponse response(String endpoint, String recommendation, Evidence evidence) {
        return new FakeResponse(endpoint, recommendation, evidence, "deterministic", null);
    }
}
