/**
 * What the agent measures: one pass over the {@link dev.failoverlab.agent.port.ClusterView} per query turns the
 * API server, metrics-server and Prometheus views into per-colour observations, recording every figure in the
 * response's evidence and every source that failed as missing data.
 */
package dev.failoverlab.agent.observe;
