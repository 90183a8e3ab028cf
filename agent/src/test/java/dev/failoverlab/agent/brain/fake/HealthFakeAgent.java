package dev.failoverlab.agent.brain.fake;

import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.brain.AgentState;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.brain.failover.FailoverAssessmentResponse;
import dev.failoverlab.agent.brain.failover.FailoverDecider;
import dev.failoverlab.agent.brain.failover.FailoverPlanner;
import dev.failoverlab.agent.brain.health.EvaluateResponse;
import dev.failoverlab.agent.brain.health.HealthAssessor;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.learn.Rules;
import dev.failoverlab.agent.observe.Observer;
import dev.failoverlab.agent.port.Actuator;
import java.util.List;

/**
 * The health and failover endpoints wired to a {@link HealthFakeCluster}, with the default configuration and the
 * initial rules, as the agent service would wire them.
 */
public final class HealthFakeAgent {
    public final HealthFakeCluster cluster;
    public final FakeEpisodeLog episodes = new FakeEpisodeLog();
    public final BrainContext ctx;
    private final HealthAssessor assessor;
    private final FailoverDecider decider;

    public HealthFakeAgent(long seed) {
        this(new HealthFakeCluster(seed), AgentConfig.defaults());
    }

    public HealthFakeAgent(HealthFakeCluster cluster, AgentConfig config) {
        this(cluster, config, cluster.actuator());
    }

    /** With another actuator in front of the cluster's, e.g. a guard that refuses. */
    public HealthFakeAgent(HealthFakeCluster cluster, AgentConfig config, Actuator actuator) {
        this.cluster = cluster;
        this.ctx = new BrainContext(cluster, new Observer(cluster, cluster::now), actuator, cluster::now,
                config, episodes, Rules::initial, new AgentState());
        this.assessor = new HealthAssessor(ctx, new FailoverPlanner(ctx));
        this.decider = new FailoverDecider(ctx);
    }

    public EvaluateResponse evaluate() {
        return assessor.handle(new EvaluateRequest(EvaluateRequest.TASK, List.of("web-blue", "web-green"),
                List.of("response_time", "error_rate", "cpu_usage", "user_experience")));
    }

    /** A failover assessment that executes, without business context. */
    public FailoverAssessmentResponse assess() {
        return decide(null, true, false);
    }

    public FailoverAssessmentResponse decide(FailoverAssessmentRequest.Context context, Boolean execute,
            Boolean dryRun) {
        return decider.handle(new FailoverAssessmentRequest("performance_degradation", "user_experience", context,
                execute, dryRun));
    }

    /** The runbook's step 7 context: peak hours, low tolerance, acceptable failover cost. */
    public static FailoverAssessmentRequest.Context peakLowTolerance() {
        return new FailoverAssessmentRequest.Context("peak_hours", "low", "acceptable");
    }
}
