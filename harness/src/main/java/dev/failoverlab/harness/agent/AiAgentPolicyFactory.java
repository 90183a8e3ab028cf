package dev.failoverlab.harness.agent;

import dev.failoverlab.agent.brain.FailoverAgent;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.guard.AuditLog;
import dev.failoverlab.agent.guard.GuardedActuator;
import dev.failoverlab.agent.learn.Learner;
import dev.failoverlab.harness.policy.Policy;
import dev.failoverlab.harness.policy.PolicyContext;
import dev.failoverlab.harness.policy.PolicyEnvironment;
import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.scenario.Settings;
import java.time.Duration;
import java.util.Set;

/**
 * {@code ai-agent}: the failover agent deployed as the runbook deploys it (SLO, prices and business context from
 * the scenario; write access to the pair's namespace and deployments only), asked every {@code cadence}.
 * The first routine query comes one second after a scrape ({@code firstQuery} 16 s), as an agent reading fresh
 * metrics would be scheduled.
 */
public final class AiAgentPolicyFactory implements PolicyFactory {
    public static final String NAME = "ai-agent";
    static final String CADENCE = "cadence";
    static final String FIRST_QUERY = "firstQuery";
    static final String DRY_RUN = "dryRun";

    private final AgentLearning learning;

    public AiAgentPolicyFactory(AgentLearning learning) {
        this.learning = learning;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the failover agent (forecasts, statistical health tests, guarded traffic moves and scaling), "
                + "asked every 15s and at the scenario's scripted moments";
    }

    @Override
    public Set<String> settingKeys() {
        return Set.of(CADENCE, FIRST_QUERY, DRY_RUN);
    }

    @Override
    public Policy create(Settings settings) {
        Duration cadence = settings.duration(CADENCE, Duration.ofSeconds(15));
        Duration first = settings.duration(FIRST_QUERY, Duration.ofSeconds(16));
        boolean dryRun = settings.integer(DRY_RUN, 0) != 0;
        Learner session = learning.sessionLearner();
        return new AiAgentPolicy(ctx -> agent(ctx, session, dryRun), cadence, first, () -> learning.absorb(session));
    }

    private FailoverAgent agent(PolicyContext ctx, Learner session, boolean dryRun) {
        PolicyEnvironment env = ctx.environment();
        GuardConfig guard = AgentDeployment.guard(env.namespace(), env.deployments(), dryRun);
        AgentConfig config = AgentDeployment.config(env.slo(), env.pricing(), env.context(), true, guard);
        GuardedActuator actuator = new GuardedActuator(ctx.actuator(), ctx.cluster(), guard, ctx.clock(),
                AuditLog.to(line -> {
                    // refusals by the guard never reach the cluster: surface them in the run's event log
                    if (line.contains("\"outcome\":\"refused\"")) {
                        ctx.log().note("guard refused an agent action: " + line);
                    }
                }), NAME);
        return new FailoverAgent(ctx.cluster(), actuator, ctx.clock(), config, session, learning::rules);
    }
}
