/**
 * The agent's one write path, guarded: {@link dev.failoverlab.agent.guard.GuardedActuator} wraps the real
 * {@link dev.failoverlab.agent.port.Actuator} and checks namespace and deployment allow-lists, scale step and
 * ceiling, traffic-split arithmetic and a per-minute action budget (token bucket on the agent's clock) before
 * anything reaches the cluster; in dry-run mode it checks everything and applies nothing. Every attempt, allowed,
 * refused or pretended, is one JSON line in the {@link dev.failoverlab.agent.guard.AuditLog}.
 */
package dev.failoverlab.agent.guard;
