package dev.failoverlab.harness.demo;

import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;
import java.io.IOException;

/**
 * Starts the agent's HTTP API (the runbook's {@code /analyze}, {@code /evaluate}, {@code /failover-assessment},
 * {@code /optimize}, {@code /insights}, {@code /health}) on {@code settings.host():settings.agentPort()} against the
 * live simulated cluster. The ports are safe to call from the server's threads: every call is atomic.
 */
@FunctionalInterface
public interface DemoAgentFrontend {

    /**
     * @param view     the cluster as a real one shows it (API server, metrics-server, Prometheus, probes)
     * @param actuator scaling and traffic actions; they are logged with source {@code agent} and printed by the demo
     * @param clock    virtual time: {@code Instant.EPOCH} plus the seconds since the demo started
     * @return a handle whose {@code close()} stops the server
     * @throws IOException when the server cannot start (typically: the port is in use)
     */
    AutoCloseable start(ClusterView view, Actuator actuator, Clock clock, DemoSettings settings) throws IOException;
}
