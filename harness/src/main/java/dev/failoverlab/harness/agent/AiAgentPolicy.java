package dev.failoverlab.harness.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.BadRequestException;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.harness.policy.Policy;
import dev.failoverlab.harness.policy.PolicyContext;
import dev.failoverlab.harness.scenario.ScriptedQuery;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Asks the agent every {@code cadence}: {@code /failover-assessment} (execute) to watch health and move traffic,
 * then {@code /analyze} (execute) to scale ahead of load — the agent is this policy's autoscaler. Scripted
 * queries from the scenario are asked at their moments with their bodies. Each query's wall time goes to the
 * decision log; each answer's recommendation becomes a note.
 */
public final class AiAgentPolicy implements Policy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<PolicyContext, AgentApi> agentFactory;
    private final Duration cadence;
    private final Duration firstQuery;
    private final Runnable onFinish;
    private final Map<String, String> lastSummary = new java.util.HashMap<>();
    private AgentApi agent;
    private PolicyContext context;

    public AiAgentPolicy(Function<PolicyContext, AgentApi> agentFactory, Duration cadence, Duration firstQuery,
                         Runnable onFinish) {
        this.agentFactory = agentFactory;
        this.cadence = cadence;
        this.firstQuery = firstQuery;
        this.onFinish = onFinish;
    }

    @Override
    public void finish(PolicyContext ctx) {
        onFinish.run();
    }

    @Override
    public void start(PolicyContext ctx) {
        this.context = ctx;
        this.agent = agentFactory.apply(ctx);
        ctx.log().note("ai-agent: asking /failover-assessment and /analyze every " + cadence.toSeconds()
                + "s with execute=true; " + ctx.environment().scriptedQueries().size() + " scripted queries");
        ctx.scheduler().every(cadence, firstQuery, this::routine);
        for (ScriptedQuery q : ctx.environment().scriptedQueries()) {
            ctx.scheduler().at(q.at(), () -> scripted(q));
        }
    }

    private void routine() {
        Map<String, String> env = context.environment().context();
        var assessment = new FailoverAssessmentRequest("routine_check",
                env.getOrDefault("business_priority", "user_experience"),
                new FailoverAssessmentRequest.Context(env.get("time_of_day"), env.get("user_tolerance"),
                        env.get("failover_cost")),
                true, false);
        ask("failover-assessment", () -> agent.failoverAssessment(assessment));
        var analyze = new AnalyzeRequest(AnalyzeRequest.TASK,
                new AnalyzeRequest.Context(null, "10_minutes", env.get("business_context")), true);
        ask("analyze", () -> agent.analyze(analyze));
    }

    private void scripted(ScriptedQuery q) {
        try {
            switch (q.endpoint()) {
                case "analyze" -> ask(q.endpoint(), () -> agent.analyze(read(q, AnalyzeRequest.class)));
                case "evaluate" -> ask(q.endpoint(), () -> agent.evaluate(read(q, EvaluateRequest.class)));
                case "failover-assessment" -> ask(q.endpoint(),
                        () -> agent.failoverAssessment(read(q, FailoverAssessmentRequest.class)));
                case "optimize" -> ask(q.endpoint(), () -> agent.optimize(read(q, OptimizeRequest.class)));
                case "insights" -> ask(q.endpoint(), () -> agent.insights(read(q, InsightsRequest.class)));
                default -> throw new IllegalStateException("unknown endpoint " + q.endpoint());
            }
        } catch (BadRequestException e) {
            context.log().note("ai-agent: scripted " + q.endpoint() + " at " + q.location() + " rejected: "
                    + e.getMessage());
        }
    }

    private <T> T read(ScriptedQuery q, Class<T> type) {
        try {
            return JSON.readValue(q.bodyJson(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException("body", e.getOriginalMessage());
        }
    }

    private void ask(String endpoint, Supplier<AgentResponse> call) {
        long start = System.nanoTime();
        AgentResponse response = call.get();
        double wallMillis = (System.nanoTime() - start) / 1e6;
        context.log().query(endpoint, wallMillis, 0, 0);
        String summary = summary(response);
        // a note when the answer changes, not every 15 s: the event log should read like a decision log
        if (summary != null && !summary.equals(lastSummary.put(endpoint, summary))) {
            context.log().note("ai-agent /" + endpoint + ": " + summary);
        }
    }

    /** The recommendation (and execution) of an answer, for the run's event log; null when there is none. */
    static String summary(AgentResponse response) {
        JsonNode tree = JSON.valueToTree(response);
        JsonNode rec = tree.findValue("recommendation");
        JsonNode exec = tree.findValue("execution");
        if (rec == null || !rec.isTextual()) {
            return null;
        }
        String s = rec.asText();
        if (exec != null && exec.isTextual() && !exec.asText().isBlank()) {
            s += " — " + exec.asText();
        }
        return s;
    }
}
