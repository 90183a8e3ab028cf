/**
 * The agent's brain: one class per endpoint behind {@link dev.failoverlab.agent.api.AgentApi}, all built on the
 * observation layer, the analytics library and the evidence model. Deterministic: the same cluster view, clock
 * and rules give the same answer; no sleeping, no wall clock, no simulator internals.
 */
package dev.failoverlab.agent.brain;
