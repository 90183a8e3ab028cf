/**
 * Control policies compared side by side: each implements {@link dev.failoverlab.harness.policy.Policy} and
 * is registered by name in {@link dev.failoverlab.harness.policy.PolicyRegistry}. A policy sees the cluster only
 * through the agent's ports, so the same code drives the simulator and a real cluster.
 */
package dev.failoverlab.harness.policy;
