package dev.failoverlab.agent.llm;

import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Decorates an {@link AgentApi}: after the deterministic answer, asks the {@link Narrator} for words and keeps
 * them only if the {@link NumberGuard} finds every number in the evidence; then the mode becomes
 * {@code llm:<model>}. Otherwise the answer is returned unchanged (mode {@code deterministic}) and the log says
 * why. Validation errors from the delegate pass through untouched.
 */
public final class NarratingAgentApi implements AgentApi {
    private final AgentApi delegate;
    private final Narrator narrator;
    private final Consumer<String> log;

    /** Logs to {@code dev.failoverlab.agent.llm} at INFO. */
    public NarratingAgentApi(AgentApi delegate, Narrator narrator) {
        this(delegate, narrator, LoggerFactory.getLogger("dev.failoverlab.agent.llm")::info);
    }

    public NarratingAgentApi(AgentApi delegate, Narrator narrator, Consumer<String> log) {
        this.delegate = delegate;
        this.narrator = narrator;
        this.log = log;
    }

    @Override
    public AgentResponse analyze(AnalyzeRequest request) {
        return narrated("/analyze", delegate.analyze(request));
    }

    @Override
    public AgentResponse evaluate(EvaluateRequest request) {
        return narrated("/evaluate", delegate.evaluate(request));
    }

    @Override
    public AgentResponse failoverAssessment(FailoverAssessmentRequest request) {
        return narrated("/failover-assessment", delegate.failoverAssessment(request));
    }

    @Override
    public AgentResponse optimize(OptimizeRequest request) {
        return narrated("/optimize", delegate.optimize(request));
    }

    @Override
    public AgentResponse insights(InsightsRequest request) {
        return narrated("/insights", delegate.insights(request));
    }

    private AgentResponse narrated(String endpoint, AgentResponse response) {
        if (response == null) {
            return null;
        }
        Optional<Narration> narration;
        try {
            narration = narrator.narrate(endpoint, response);
        } catch (RuntimeException e) {
            log.accept("llm narration failed endpoint=" + endpoint + " reason=\"" + e.getClass().getSimpleName()
                    + "\"; the response stays deterministic");
            return response;
        }
        if (narration.isEmpty()) {
            return response;
        }
        Narration n = narration.get();
        NumberGuard.Verdict verdict = NumberGuard.check(n.text(), response.evidence());
        if (!verdict.accepted()) {
            log.accept(String.format(Locale.ROOT, "llm narration rejected endpoint=%s model=%s reason=\"%s\"; "
                    + "the response stays deterministic", endpoint, n.model(), verdict.reason()));
            return response;
        }
        log.accept(String.format(Locale.ROOT, "llm narration accepted endpoint=%s model=%s prompt_tokens=%d "
                + "completion_tokens=%d", endpoint, n.model(), n.promptTokens(), n.completionTokens()));
        return response.withNarrative(n.text(), "llm:" + n.model());
    }
}
