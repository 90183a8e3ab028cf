/**
 * The {@code ai-agent} policy: the failover agent asked on a cadence and at a scenario's scripted moments,
 * through the same {@link dev.failoverlab.agent.api.AgentApi} entry points that serve HTTP. The agent acts through
 * the cluster's actuator behind its own guard rails; the policy only asks and records what each query cost.
 */
package dev.failoverlab.harness.agent;
