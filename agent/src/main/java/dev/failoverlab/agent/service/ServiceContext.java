package dev.failoverlab.agent.service;

import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.guard.AuditLog;
import dev.failoverlab.agent.guard.GuardedActuator;
import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;

/**
 * What a {@link AgentApiFactory} gets: the agent's configuration, the clock, and the audit log, plus the one way
 * to turn a raw actuator into the guarded write path.
 */
public record ServiceContext(AgentConfig config, Clock clock, AuditLog auditLog) {

    /** The raw actuator behind this service's guard rails (allow-lists, steps, budget, dry run, audit). */
    public GuardedActuator guard(Actuator raw, ClusterView view, String caller) {
        return new GuardedActuator(raw, view, config.guard(), clock, auditLog, caller);
    }
}
