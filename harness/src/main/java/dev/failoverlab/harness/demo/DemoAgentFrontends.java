package dev.failoverlab.harness.demo;

import dev.failoverlab.agent.brain.FailoverAgent;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.guard.AuditLog;
import dev.failoverlab.agent.guard.GuardedActuator;
import dev.failoverlab.agent.http.AgentServer;
import dev.failoverlab.agent.http.ServerOptions;
import dev.failoverlab.agent.learn.InMemoryEpisodeLog;
import dev.failoverlab.agent.learn.Learner;
import dev.failoverlab.harness.agent.AgentDeployment;
import java.io.IOException;
import java.util.Map;

/** The agent front end the {@code demo} command uses. */
public final class DemoAgentFrontends {
    private DemoAgentFrontends() {
    }

    /**
     * The real agent (its HTTP server and brain) over the demo's ports. It executes decisions by default, as the
     * runbook's step 7 shows ("execution": "Failover initiated" without an {@code execute} field); every action
     * still goes through the guard and is printed in the audit log.
     */
    public static DemoAgentFrontend standard() {
        return (view, actuator, clock, settings) -> {
            GuardConfig guard = AgentDeployment.guard(settings.namespace(), settings.deployments(), false);
            AgentConfig config = AgentDeployment.config(settings.slo(), settings.pricing(), settings.context(), true,
                    guard);
            GuardedActuator guarded = new GuardedActuator(actuator, view, guard, clock, AuditLog.toLogger(),
                    "failover-agent");
            FailoverAgent agent = new FailoverAgent(view, guarded, clock, config,
                    new Learner(new InMemoryEpisodeLog()));
            try {
                return AgentServer.start(agent, ServerOptions.defaults()
                        .withAddress(settings.host(), settings.agentPort())
                        .withSources(Map.of("cluster", "embedded simulator (demo)", "llm", "none")));
            } catch (RuntimeException e) {
                throw new IOException("the agent's HTTP API cannot listen on " + settings.host() + ":"
                        + settings.agentPort() + " (" + e.getMessage() + "); choose another --port", e);
            }
        };
    }
}
