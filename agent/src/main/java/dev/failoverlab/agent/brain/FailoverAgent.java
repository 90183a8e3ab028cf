package dev.failoverlab.agent.brain;

import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.brain.capacity.CapacityPlanner;
import dev.failoverlab.agent.brain.capacity.LoadAnalyzer;
import dev.failoverlab.agent.brain.failover.FailoverDecider;
import dev.failoverlab.agent.brain.failover.FailoverPlanner;
import dev.failoverlab.agent.brain.health.HealthAssessor;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.learn.InsightsService;
import dev.failoverlab.agent.learn.Learner;
import dev.failoverlab.agent.learn.RulesSource;
import dev.failoverlab.agent.observe.Observer;
import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;
import java.time.Duration;
import java.time.Instant;

/**
 * The agent: the five endpoints over one cluster view, one guarded actuator, one clock and one learner.
 * Queries are serialised (each takes milliseconds; the brain's memory between queries is shared), and after each
 * query due episodes are judged from later observations at most once a minute of cluster time, so the accuracy
 * {@code /insights} reports is kept current.
 * <p>
 * {@code rules} is where the tunable decision parameters come from: the learner itself on a long-running agent
 * (re-tuned by {@link #retune()}), or a frozen snapshot in benchmark runs so that one run cannot change another.
 */
public final class FailoverAgent implements AgentApi {
    private static final Duration RESOLVE_EVERY = Duration.ofMinutes(1);

    private final BrainContext ctx;
    private final Learner learner;
    private final ObservationOutcomes outcomes;
    private final LoadAnalyzer analyzer;
    private final HealthAssessor health;
    private final FailoverDecider decider;
    private final CapacityPlanner planner;
    private final InsightsService insights;
    private Instant lastResolve = Instant.MIN;

    /**
     * @param actuator already guarded (allow-lists, dry run, rate limit, audit)
     * @param learner  records and scores episodes (its log is where episodes go)
     * @param rules    the decision parameters in force
     */
    public FailoverAgent(ClusterView view, Actuator actuator, Clock clock, AgentConfig config, Learner learner,
                         RulesSource rules) {
        this.learner = learner;
        this.ctx = new BrainContext(view, new Observer(view, clock), actuator, clock, config, learner.log(), rules,
                new AgentState());
        this.outcomes = new ObservationOutcomes(learner.log(), config);
        this.analyzer = new LoadAnalyzer(ctx);
        this.health = new HealthAssessor(ctx, new FailoverPlanner(ctx));
        this.decider = new FailoverDecider(ctx);
        this.planner = new CapacityPlanner(ctx);
        this.insights = new InsightsService(learner, clock, null);
    }

    /** An agent whose rules are the learner's own (re-tuned as it learns). */
    public FailoverAgent(ClusterView view, Actuator actuator, Clock clock, AgentConfig config, Learner learner) {
        this(view, actuator, clock, config, learner, learner);
    }

    @Override
    public synchronized AgentResponse analyze(AnalyzeRequest request) {
        return afterQuery(analyzer.handle(request));
    }

    @Override
    public synchronized AgentResponse evaluate(EvaluateRequest request) {
        return afterQuery(health.handle(request));
    }

    @Override
    public synchronized AgentResponse failoverAssessment(FailoverAssessmentRequest request) {
        return afterQuery(decider.handle(request));
    }

    @Override
    public synchronized AgentResponse optimize(OptimizeRequest request) {
        return afterQuery(planner.handle(request));
    }

    @Override
    public synchronized AgentResponse insights(InsightsRequest request) {
        resolveDue();
        return insights.insights(request);
    }

    /** Re-tunes the rules on the episodes so far (a long-running agent calls this periodically). */
    public synchronized Learner.RetuneReport retune() {
        resolveDue();
        return learner.retune(ctx.clock().now());
    }

    public Learner learner() {
        return learner;
    }

    private AgentResponse afterQuery(AgentResponse response) {
        Instant now = ctx.clock().now();
        if (Duration.between(lastResolve, now).compareTo(RESOLVE_EVERY) >= 0) {
            resolveDue();
        }
        return response;
    }

    private void resolveDue() {
        lastResolve = ctx.clock().now();
        learner.resolveDue(lastResolve, outcomes);
    }
}
